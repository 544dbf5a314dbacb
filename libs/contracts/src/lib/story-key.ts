import type { CanonicalArticle } from './article.schema';

type StoryIdentity = Pick<CanonicalArticle, 'uri' | 'provider' | 'publisher'> & { source?: { id?: string } };

/**
 * The identity of a story across its versions: the source and the source's
 * own id. It is the Kafka message key on every topic, so all versions of one
 * story land on one partition and stay in order.
 *
 * The authenticated source id comes first: a provider or publisher name is
 * whatever the body says, so with it anyone could address another sender's
 * story; the source id is only set by the ingester from the key that signed
 * the delivery. Source ids are lower-case and contain no "|".
 */
export function storyKeyOf(article: StoryIdentity): string {
  const source = article.source?.id ?? (article.provider ?? article.publisher ?? '').trim().toLowerCase();
  return source ? `${source}|${article.uri}` : article.uri;
}
