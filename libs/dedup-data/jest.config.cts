module.exports = require('../../tools/jest/project-config')('dedup-data', { servers: true });
