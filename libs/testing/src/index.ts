export * from './lib/container-engine';
export * from './lib/infra';
export * from './lib/names';
export * from './lib/topic-probe';
export * from './lib/kafka-fixtures';
export * from './lib/articles';
export * from './lib/stage-harness';
export * from './lib/eval-stories';
