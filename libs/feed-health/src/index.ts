export * from './lib/tally';
export * from './lib/sequence-gaps';
export * from './lib/evaluate';
export * from './lib/monitor';
export * from './lib/stored';
