export * from './lib/errors';
export * from './lib/deadline';
export * from './lib/retriable';
