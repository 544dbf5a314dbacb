export * from './lib/shutdown';
export * from './lib/http-keep-alive';
