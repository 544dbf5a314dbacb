module.exports = require('../../tools/build/webpack-app')(__dirname, 'poller');
