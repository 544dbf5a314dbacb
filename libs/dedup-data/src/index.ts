export * from './lib/content-hash.model';
export * from './lib/content-hash.repository';
