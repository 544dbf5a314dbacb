export * from './lib/address-policy';
export * from './lib/schedule';
export * from './lib/conditional';
export * from './lib/redirects';
export * from './lib/seen-items';
export * from './lib/outcome';
