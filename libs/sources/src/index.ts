export * from './lib/registry.schema';
export * from './lib/registry.parse';
export * from './lib/source-registry';
export * from './lib/source-view';
export * from './lib/signature';
export * from './lib/verify-request';
export * from './lib/rate-limit';
export * from './lib/drop-targets';
