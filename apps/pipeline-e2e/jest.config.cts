module.exports = {
  ...require('../../tools/jest/project-config')('pipeline-e2e', { servers: true, testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'] }),
  testTimeout: 120_000,
};
