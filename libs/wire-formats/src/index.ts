export * from './lib/common/types';
export * from './lib/common/dates';
export * from './lib/common/text';
export * from './lib/plaintext/plaintext-parser';
export * from './lib/common/ids';
export * from './lib/common/to-canonical';
