module.exports = require('../../tools/jest/project-config')('wire-out');
