module.exports = require('../../tools/jest/project-config')('storage', { servers: true });
