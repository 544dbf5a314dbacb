import type { SourceRule } from './options';

export interface SourceRef {
  /** Lower-cased provider or publisher, as in the story key. */
  source: string;
  uri: string;
}

export function sourceOf(article: { provider?: string; publisher?: string }): string {
  return (article.provider ?? article.publisher ?? '').trim().toLowerCase();
}

/** Whether a source's own rules allow two of its items to be merged by content. */
export function mayMerge(a: SourceRef, b: SourceRef, rules: readonly SourceRule[]): boolean {
  if (!a.source || a.source !== b.source || a.uri === b.uri) return true;
  return !rules.some((r) => r.distinctIds && r.source.toLowerCase() === a.source);
}
