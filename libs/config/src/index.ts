export * from './lib/load-config';
export * from './lib/env-types';
export * from './lib/env-files';
export * from './lib/dev-mode';
export * from './lib/security';
