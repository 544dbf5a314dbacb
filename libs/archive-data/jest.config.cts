module.exports = require('../../tools/jest/project-config')('archive-data', { servers: true });
