import { type ArticleDeduplicated, type ArticleNinjs, ArticleNinjsV1, type ArticleStored, storyKeyOf, TOPICS } from '@newswire/contracts';
import { type ArticleDoc, exportStoryOf } from '@newswire/archive-data';
import type { OutboundMessage } from '@newswire/kafka';
import { toNinjs } from '@newswire/wire-out';

/** Whether storage also sends ninjs (NINJS_TOPIC), injected into the controller. */
export const NINJS_OUT = Symbol('NINJS_OUT');

/** Only a new current version is news for a ninjs subscriber: a duplicate, a stale or unchanged version is not. */
export const sendsNinjs = (status: ArticleStored['status']) => status === 'stored' || status === 'killed';

/**
 * The ninjs message of a version storage just made current, built from the
 * message in hand (no read): a killed story's item keeps its headline and
 * status (`canceled`) but no body, as the API answers it.
 */
export function ninjsOfMessage({ article, enrichment, dedup }: ArticleDeduplicated, storyKey: string, killed: boolean): OutboundMessage<ArticleNinjs> {
  const item = toNinjs({
    article: killed ? { ...article, bodyText: undefined, bodyHtml: undefined, description: undefined } : article,
    enrichment,
    dedup: { clusterId: dedup.clusterId, storyKey, status: dedup.status, duplicateOf: dedup.duplicateOf },
  });
  return { topic: TOPICS.articleNinjs, key: storyKeyOf(article), value: ArticleNinjsV1.parse(item) };
}

/** The ninjs message of a stored story (a release: the story as the archive holds it). */
export function ninjsOfStored(story: ArticleDoc): OutboundMessage<ArticleNinjs> {
  return { topic: TOPICS.articleNinjs, key: story._id, value: ArticleNinjsV1.parse(toNinjs(exportStoryOf(story, !story.killed))) };
}
