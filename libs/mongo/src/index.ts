export * from './lib/mongo';
