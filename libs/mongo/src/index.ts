export * from './lib/mongo';
export * from './lib/mongo.module';
export * from './lib/store-health';
export * from './lib/mongo-security';
export * from './lib/store-limits';
export * from './lib/keyed-lease';
export * from './lib/store-wedge';
export * from './lib/slow-commands';
