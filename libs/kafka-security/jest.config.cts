module.exports = require('../../tools/jest/project-config')('kafka-security');
