export * from './lib/topics';
export * from './lib/headers';
export * from './lib/article.schema';
export * from './lib/messages';
export * from './lib/validate';
export * from './lib/story-key';
export * from './lib/json-schema';
export * from './lib/schema-compat';
