export * from './lib/mongo';
export * from './lib/mongo.module';
export * from './lib/mongo-security';
