// Jest runs CommonJS code in a vm sandbox where `import()` fails without
// --experimental-vm-modules. OpenTelemetry's OTLP/HTTP transport loads
// node:http with `import('http')` (open-telemetry/opentelemetry-js#6035), so in
// tests the exporter could never send. This transform rewrites those dynamic
// imports of Node built-ins into require(), for the files it is applied to only.
module.exports = {
  process(source) {
    return { code: source.replace(/\bimport\((['"])(https?)\1\)/g, "Promise.resolve(require('$2'))") };
  },
  getCacheKey(source, path) {
    return `${require('node:crypto').createHash('sha1').update(source).digest('hex')}:${path}:1`;
  },
};
