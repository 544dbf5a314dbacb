module.exports = require('../../tools/jest/project-config')('ingester', { servers: true });
