export * from './lib/file-names';
export * from './lib/completeness';
export * from './lib/file-ledger';
