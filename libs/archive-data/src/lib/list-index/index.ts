export * from './blocks';
export * from './indexed-list';
export * from './keys';
export * from './list-index';
export * from './lists';
export * from './streams';
