export * from './lib/collections';
export * from './lib/store-errors';
export * from './lib/id-reads';
export * from './lib/first-writer';
export * from './lib/chunk-lease';
export * from './lib/dedup-docs';
export * from './lib/mongo-dedup-store';
