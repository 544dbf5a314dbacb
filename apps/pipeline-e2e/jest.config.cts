module.exports = {
  displayName: 'pipeline-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  globalSetup: '../../libs/testing/src/lib/global-setup.ts',
  globalTeardown: '../../libs/testing/src/lib/global-teardown.ts',
  testTimeout: 120_000,
};
