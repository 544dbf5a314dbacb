import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a log line is about. Set per message (or per chunk) by the stage
 * consumer and per item by the ingester; the logger adds it to every line
 * written inside, so handlers and libraries log without passing ids around.
 */
export interface StoryScope {
  /** The service handling it, when several run in one process (tests). */
  service?: string;
  articleId?: string;
  storyKey?: string;
  source?: string;
  traceId?: string;
  /** How many stories a chunk-wide line is about, when it is not one. */
  stories?: number;
}

const scopes = new AsyncLocalStorage<StoryScope>();

/** Runs `fn` with `scope` as what its log lines are about. */
export function inStoryScope<T>(scope: StoryScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

export function currentStoryScope(): StoryScope | undefined {
  return scopes.getStore();
}
