module.exports = require('../../tools/jest/project-config')('enricher', { servers: true });
