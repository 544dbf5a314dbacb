module.exports = require('../../tools/jest/project-config')('drop-folder');
