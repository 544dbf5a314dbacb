import { type ArticleDeduplicated, storyKeyOf, versionRankOf } from '@newswire/contracts';
import type { ArticleDoc, ArticleVersionDoc, DuplicateDoc } from './article.model';
import { searchTermsOf } from './search-terms';
import { toStorable } from './storable';

/** What one consumed message asks of the archive. */
export type WritePlan =
  | { kind: 'duplicate'; articleId: string; storyKey: string; duplicate: DuplicateDoc; embargoed?: Date }
  | { kind: 'story'; articleId: string; storyKey: string; rank: string; current: Omit<ArticleDoc, '_id' | 'storedAt'>; version: ArticleVersionDoc }
  | { kind: 'kill'; articleId: string; storyKey: string; rank: string; current: Omit<ArticleDoc, '_id' | 'storedAt'>; version: ArticleVersionDoc };

/** What the message's transport said about it, beside the message itself. */
export interface WriteMeta {
  /** W3C `traceparent` of the record, when it carried one. */
  traceparent?: string;
}

const names = (...lists: { name: string }[][]) => [...new Set(lists.flat().map((e) => e.name))];
const date = (iso: string | undefined) => (iso ? new Date(iso) : undefined);

/** The story fields that follow from its enrichment (with the source's own entities and subjects). */
export function enrichmentFields(article: ArticleDeduplicated['article'], enrichment: ArticleDeduplicated['enrichment']) {
  return {
    language: enrichment.language ?? article.language,
    people: names(article.people, enrichment.people),
    organisations: names(article.organisations, enrichment.organisations),
    places: names(article.places, enrichment.places),
    subjects: [
      ...new Set([...(enrichment.subjects ?? []).map((s) => s.code), ...article.subjects.flatMap((s) => (s.code ? [s.code] : []))]),
    ],
  };
}

/** The trace id of a W3C `traceparent` (`00-<32 hex trace id>-<16 hex span id>-<flags>`). */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  const match = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(traceparent?.trim().toLowerCase() ?? '');
  return match && !/^0+$/.test(match[1]) ? match[1] : undefined;
}

export function planWrite(message: ArticleDeduplicated, now: Date, meta: WriteMeta = {}): WritePlan {
  const { article, enrichment, dedup } = message;
  const storyKey = dedup.storyKey ?? storyKeyOf(article);
  const receivedAt = new Date(article.source.receivedAt);
  const canceled = article.pubStatus === 'canceled';

  // A kill applies whatever dedup said: the source withdrew the story.
  if (dedup.status === 'duplicate' && !canceled) {
    return {
      kind: 'duplicate',
      articleId: article.id,
      storyKey,
      duplicate: toStorable({
        _id: article.id,
        clusterId: dedup.clusterId,
        duplicateOf: dedup.duplicateOf ?? dedup.clusterId,
        storyKey,
        uri: article.uri,
        headline: article.headline,
        method: dedup.method,
        score: dedup.score,
        explanation: dedup.explanation,
        receivedAt,
        recordedAt: now,
      }) as DuplicateDoc,
      embargoed: date(article.embargoed),
    };
  }

  const rank = versionRankOf(article);
  const { bodyText, bodyHtml } = article;
  const head = omit(article, ['bodyText', 'bodyHtml', 'raw']);
  const current = toStorable({
    articleId: article.id,
    uri: article.uri,
    version: article.version,
    rank,
    pubStatus: article.pubStatus,
    killed: canceled,
    killedAt: canceled ? now : undefined,
    listed: article.pubStatus !== 'withheld',
    headline: article.headline,
    bodyText: canceled ? undefined : bodyText,
    bodyHtml: canceled ? undefined : bodyHtml,
    firstCreated: date(article.firstCreated),
    versionCreated: date(article.versionCreated),
    source: storyKey.includes('|') ? storyKey.slice(0, storyKey.indexOf('|')) : undefined,
    publisher: article.publisher,
    provider: article.provider,
    ...enrichmentFields(article, enrichment),
    clusterId: dedup.clusterId,
    dedupStatus: dedup.status,
    searchTerms: canceled ? [] : searchTermsOf(article.headline, bodyText),
    article: canceled ? { ...head, description: undefined } : head,
    // A summary is the body's lead: a killed story keeps none of it.
    enrichment: canceled ? { ...enrichment, summary: undefined } : enrichment,
    enrichmentVersion: 1,
    dedup,
    updatedAt: now,
  }) as Omit<ArticleDoc, '_id' | 'storedAt'>;
  const version = toStorable({
    _id: article.id,
    storyKey,
    uri: article.uri,
    version: article.version,
    rank,
    versionCreated: date(article.versionCreated),
    pubStatus: article.pubStatus,
    signals: article.signals,
    headline: article.headline,
    dedupStatus: dedup.status,
    // Until the guarded write says otherwise.
    outcome: 'stale-recorded',
    receivedAt,
    recordedAt: now,
    traceId: traceIdOf(meta.traceparent),
  }) as ArticleVersionDoc;
  return { kind: canceled ? 'kill' : 'story', articleId: article.id, storyKey, rank, current, version };
}

export function omit<T extends object, K extends keyof T>(value: T, keys: K[]): Omit<T, K> {
  const out = { ...value };
  for (const k of keys) delete out[k];
  return out;
}

