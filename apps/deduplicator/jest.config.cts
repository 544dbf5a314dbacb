module.exports = require('../../tools/jest/project-config')('deduplicator', { servers: true });
