module.exports = require('../../tools/jest/project-config')('mongo', { servers: true });
