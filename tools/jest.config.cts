// The shared project config assumes projects two levels down (libs/x, apps/x); tools/ is one level down.
const shared = require('./jest/project-config')('tools', { servers: true, testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts'] });

module.exports = {
  ...shared,
  preset: '../jest.preset.js',
  globalSetup: '../libs/testing/src/lib/global-setup.ts',
  globalTeardown: '../libs/testing/src/lib/global-teardown.ts',
};
