import type { CanonicalArticle } from '@newswire/contracts';

/**
 * One number that orders the versions of a story: the source's version
 * number, else its versionCreated instant, else the time we received it
 * (the later arrival wins). A source uses one scheme for a story, so the
 * scales do not mix in practice.
 */
export function versionRankOf(article: Pick<CanonicalArticle, 'version' | 'versionCreated' | 'source'>): number {
  if (article.version !== undefined) return article.version;
  if (article.versionCreated) return Date.parse(article.versionCreated);
  return Date.parse(article.source.receivedAt);
}
