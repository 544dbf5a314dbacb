export * from './lib/mongo';
export * from './lib/mongo.module';
