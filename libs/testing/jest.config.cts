module.exports = require('../../tools/jest/project-config')('testing', { servers: true });
