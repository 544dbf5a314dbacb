// The Jest setup every project shares. Projects whose tests need Kafka or the
// database pass { servers: true }: their globalSetup resolves real servers once.
module.exports = function projectJestConfig(name, { servers = false, testMatch } = {}) {
  return {
    displayName: name,
    preset: '../../jest.preset.js',
    testEnvironment: 'node',
    transform: {
      // OTLP/HTTP export works in tests too (see require-node-builtins.js); listed first, it wins for those files.
      '@opentelemetry/otlp-exporter-base/build/src/.*\\.js$': require.resolve('./require-node-builtins.js'),
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    transformIgnorePatterns: ['/node_modules/(?!@opentelemetry/otlp-exporter-base/build/src/)'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    testMatch: testMatch ?? ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
    ...(servers && {
      globalSetup: '../../libs/testing/src/lib/global-setup.ts',
      globalTeardown: '../../libs/testing/src/lib/global-teardown.ts',
      testTimeout: 60_000,
    }),
  };
};
