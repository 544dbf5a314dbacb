module.exports = require('../../tools/jest/project-config')('feed-health');
