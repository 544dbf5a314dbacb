export * from './lib/collections';
export * from './lib/store-errors';
export * from './lib/content-hash.model';
export * from './lib/content-hash.repository';
export * from './lib/story.repository';
export * from './lib/band.repository';
export * from './lib/fingerprint.repository';
export * from './lib/verdict.repository';
