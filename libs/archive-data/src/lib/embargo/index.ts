export * from './decide';
export * from './embargo.model';
export * from './embargo-ledger';
