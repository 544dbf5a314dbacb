module.exports = require('../../tools/jest/project-config')('errors');
