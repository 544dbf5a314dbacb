/**
 * Which story a message of any topic is about, for logs and metrics: a
 * received message is the article, enriched and deduplicated ones wrap it,
 * stored, killed and corrected ones name it by id.
 */
export function articleIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as { id?: unknown; articleId?: unknown; article?: { id?: unknown } };
  const id = v.articleId ?? v.article?.id ?? v.id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The source part of a story key (`<source>|<uri>`): the signing source's id,
 * or for unsigned stories the provider or publisher their body names.
 */
export function sourceOfStoryKey(storyKey: string | undefined): string | undefined {
  if (!storyKey) return undefined;
  const bar = storyKey.indexOf('|');
  return bar > 0 ? storyKey.slice(0, bar) : undefined;
}
