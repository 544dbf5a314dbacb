module.exports = require('../../tools/jest/project-config')('testing');
