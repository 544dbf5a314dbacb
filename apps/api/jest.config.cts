module.exports = require('../../tools/jest/project-config')('api', { servers: true });
