export * from './lib/shutdown';
