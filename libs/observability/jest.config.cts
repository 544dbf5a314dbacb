module.exports = require('../../tools/jest/project-config')('observability', { servers: true });
