export * from './lib/metrics';
export * from './lib/tracing';
export * from './lib/story-context';
export * from './lib/logger';
export * from './lib/telemetry';
export * from './lib/health';
export * from './lib/http-telemetry';
export * from './lib/store-spans';
