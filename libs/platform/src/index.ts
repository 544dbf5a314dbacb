export * from './lib/shutdown';
export * from './lib/http-error';
export * from './lib/run-service';
export * from './lib/http-keep-alive';
