export * from './lib/load-config';
export * from './lib/env-types';
export * from './lib/dev-mode';
