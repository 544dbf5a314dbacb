module.exports = require('../../tools/jest/project-config')('wire-formats');
