import type { CanonicalArticle } from './article.schema';

/**
 * The identity of a story across its versions: the source and the source's
 * own id. It is the Kafka message key on every topic, so all versions of one
 * story land on one partition and stay in order.
 */
export function storyKeyOf(article: Pick<CanonicalArticle, 'uri' | 'provider' | 'publisher'>): string {
  const source = (article.provider ?? article.publisher ?? '').trim().toLowerCase();
  return source ? `${source}|${article.uri}` : article.uri;
}
