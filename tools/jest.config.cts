module.exports = require('./jest/project-config')('tools', {
  servers: true,
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts'],
});
