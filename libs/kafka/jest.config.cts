module.exports = require('../../tools/jest/project-config')('kafka', { servers: true });
