module.exports = require('../../tools/jest/project-config')('poller', { servers: true });
