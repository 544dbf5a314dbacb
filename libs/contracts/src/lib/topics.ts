/**
 * Topic names follow `<domain>.<entity>.<event>.v<N>`. A new incompatible
 * schema gets a new topic version so old consumers keep working.
 */
export const TOPICS = {
  articleReceived: 'news.article.received.v1',
  articleEnriched: 'news.article.enriched.v1',
  articleDeduplicated: 'news.article.deduplicated.v1',
  articleStored: 'news.article.stored.v1',
  storyKilled: 'news.story.killed.v1',
  storyCorrected: 'news.story.corrected.v1',
  /** A source's feed health changed (silent, off its baseline, sequence gaps, failing, ok again); keyed by source id. */
  sourceHealth: 'news.source.health.v1',
  storyReleased: 'news.story.released.v1',
  /** Each story's current version as ninjs 2.1 (IPTC), when storage is told to publish it (NINJS_TOPIC). */
  articleNinjs: 'news.article.ninjs.v1',
} as const;

export type TopicKey = keyof typeof TOPICS;
export type TopicName = (typeof TOPICS)[TopicKey];

export const DLQ_SUFFIX = '.dlq';

export function deadLetterTopicOf(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/**
 * Deployments sharing one cluster (and every test) isolate themselves with a
 * namespace prefix rather than renamed topics, so the contract name stays
 * recognisable at the end of the physical name.
 */
export function physicalTopic(topic: string, namespace?: string): string {
  return namespace ? `${namespace}.${topic}` : topic;
}
