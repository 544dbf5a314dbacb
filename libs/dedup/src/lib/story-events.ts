import type { CanonicalArticle, DedupVerdict, StoryCorrected, StoryKilled } from '@newswire/contracts';

export interface StoryEvents {
  killed?: StoryKilled;
  corrected?: StoryCorrected;
}

/**
 * A cancel kills the story whatever its version order (a kill must never be
 * lost to a late arrival); an update or correction of a known story is
 * announced only when it actually supersedes what subscribers hold.
 */
export function storyEventsOf(article: CanonicalArticle, verdict: DedupVerdict, now = new Date()): StoryEvents {
  const storyKey = verdict.storyKey ?? article.uri;
  const events: StoryEvents = {};
  if (article.pubStatus === 'canceled') {
    events.killed = {
      storyKey,
      articleId: article.id,
      uri: article.uri,
      clusterId: verdict.clusterId,
      reason: article.description ?? 'canceled by the source',
      killedAt: now.toISOString(),
    };
  }
  if (verdict.status === 'new-version' && article.signals.length > 0 && article.pubStatus !== 'canceled') {
    events.corrected = {
      storyKey,
      articleId: article.id,
      previousArticleId: verdict.duplicateOf,
      uri: article.uri,
      version: article.version,
      signals: article.signals,
      headline: article.headline,
      correctedAt: now.toISOString(),
    };
  }
  return events;
}
