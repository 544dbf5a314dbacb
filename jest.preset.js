const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // sanitize-html pulls in htmlparser2 12 and its DOM packages, which ship only as ES modules;
  // Node 20 loads them through require(esm) but Jest's CommonJS runtime needs them transpiled.
  transformIgnorePatterns: ['/node_modules/(?!(htmlparser2|domhandler|domutils|entities|dom-serializer|domelementtype)/)'],
};
