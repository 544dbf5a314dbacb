// The Jest setup every project shares. Projects whose tests need Kafka or the
// database pass { servers: true }: their globalSetup resolves real servers once.
const { join } = require('node:path');

const ROOT = join(__dirname, '../..');

module.exports = function projectJestConfig(name, { servers = false, testMatch } = {}) {
  return {
    displayName: name,
    // Absolute: projects sit at different depths (libs/x, apps/x, tools).
    preset: join(ROOT, 'jest.preset.js'),
    testEnvironment: 'node',
    transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: testMatch ?? ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
    ...(servers && {
      globalSetup: join(ROOT, 'libs/testing/src/lib/global-setup.ts'),
      globalTeardown: join(ROOT, 'libs/testing/src/lib/global-teardown.ts'),
      testTimeout: 60_000,
    }),
  };
};
