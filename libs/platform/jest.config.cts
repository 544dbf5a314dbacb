module.exports = require('../../tools/jest/project-config')('platform');
