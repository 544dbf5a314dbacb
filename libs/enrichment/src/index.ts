export * from './lib/language';
export * from './lib/entities';
export * from './lib/enrich';
