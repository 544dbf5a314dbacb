import type { Model } from 'mongoose';
import { type ArticleDeduplicated, type Enrichment, storyKeyOf } from '@newswire/contracts';
import type { ArticleDoc } from './article.model';
import { type EnrichmentVersionDoc, enrichmentVersionId } from './enrichment-version.model';
import type { ListIndex } from './list-index/list-index';
import { listsOf } from './list-index/lists';
import { toStorable } from './storable';
import { fromStored, packStory } from './stored-shape';
import { enrichmentFields, omit } from './write-plan';

export interface ReEnrichResult {
  articleId: string;
  storyKey: string;
  /** `re-enriched`: a new enrichment version is current; `unchanged`: nothing was written. */
  outcome: 're-enriched' | 'unchanged';
  /** The story's current enrichment version afterwards, when the article is its current version. */
  enrichmentVersion?: number;
  /** Why nothing changed. */
  reason?: 'same-enrichment' | 'not-current' | 'killed' | 'superseded';
}

export interface ReplayProvenance {
  /** The operator's replay run (`x-replay-id`). */
  replayId?: string;
}

type CurrentEnrichment = Pick<ArticleDoc, '_id' | 'articleId' | 'killed' | 'article' | 'enrichment' | 'dedup' | 'enrichmentVersion' | 'storedAt' | 'packed'>;

/**
 * A replayed article's new enrichment, applied to its stored story without
 * touching anything else: no story, version, duplicate or verdict is
 * created, whatever the message's dedup verdict says (a replay never
 * re-decides identity). Only the story's current article takes a new
 * enrichment. The enrichment it replaces is kept first (as version 1 when
 * it came from ingest), then the story switches, guarded on the enrichment
 * it had (compare-and-set on `enrichedAt`), so a newer version of the story
 * arriving meanwhile is never overwritten. An enrichment equal to the
 * current one (apart from its time) writes nothing: re-running an unchanged
 * extractor is a no-op. A redelivered replay finds its own enrichment current
 * and reports it again. With a list index (FerretDB), the story is added to the lists its new
 * enrichment puts it in (after the switch; a redelivery adds them again).
 */
export async function reEnrich(
  articles: Model<ArticleDoc>,
  history: Model<EnrichmentVersionDoc>,
  message: ArticleDeduplicated,
  provenance: ReplayProvenance,
  now: Date,
  index?: ListIndex,
): Promise<ReEnrichResult> {
  const { article, enrichment } = message;
  const storyKey = message.dedup.storyKey ?? storyKeyOf(article);
  const base = { articleId: article.id, storyKey };
  const stored = await articles.findById(storyKey, { articleId: 1, killed: 1, enrichment: 1, enrichmentVersion: 1, storedAt: 1, packed: 1, article: 1, dedup: 1 }).lean<CurrentEnrichment>().exec();
  if (!stored || stored.articleId !== article.id) return { ...base, outcome: 'unchanged', reason: 'not-current' };
  const doc = fromStored(stored);
  if (doc.killed) return { ...base, outcome: 'unchanged', reason: 'killed' };
  const version = doc.enrichmentVersion ?? 1;
  const incoming = toStorable(enrichment) as Enrichment;
  const fields = toStorable(enrichmentFields(article, enrichment)) as ReturnType<typeof enrichmentFields>;
  const indexFields = () => index?.record([{ storyKey, storedAt: doc.storedAt, lists: listsOf(fields) }]);

  if (sameEnrichment(doc.enrichment, incoming)) {
    if (doc.enrichment.enrichedAt !== incoming.enrichedAt || version === 1) return { ...base, outcome: 'unchanged', enrichmentVersion: version, reason: 'same-enrichment' };
    // This very replay, redelivered after it was applied: its history entry and postings may still be missing.
    await indexFields();
    await keep(history, { ...base, version, enrichment: incoming, origin: 'replay', replayId: provenance.replayId }, now);
    return { ...base, outcome: 're-enriched', enrichmentVersion: version };
  }

  if (version === 1) await keep(history, { ...base, version, enrichment: doc.enrichment, origin: 'ingest' }, now);
  const next = version + 1;
  // Compare-and-set on the enrichment it had; a packed story (FerretDB) on its whole packed form.
  const guard = stored.packed === undefined ? { 'enrichment.enrichedAt': doc.enrichment.enrichedAt } : { packed: stored.packed };
  const enrichmentSet = stored.packed === undefined ? { enrichment: incoming } : { packed: packStory({ article: doc.article, enrichment: incoming, dedup: doc.dedup }) };
  const switched = await articles
    .updateOne(
      { _id: storyKey, articleId: article.id, killed: { $ne: true }, ...guard },
      { $set: { ...enrichmentSet, enrichmentVersion: next, ...fields, updatedAt: now } },
    )
    .exec();
  if (switched.modifiedCount !== 1) return { ...base, outcome: 'unchanged', reason: 'superseded' };
  await indexFields();
  await keep(history, { ...base, version: next, enrichment: incoming, origin: 'replay', replayId: provenance.replayId }, now);
  return { ...base, outcome: 're-enriched', enrichmentVersion: next };
}

interface Kept {
  articleId: string;
  storyKey: string;
  version: number;
  enrichment: Enrichment;
  origin: EnrichmentVersionDoc['origin'];
  replayId?: string;
}

/** Records one enrichment version once (a second attempt finds it there and changes nothing). */
async function keep(history: Model<EnrichmentVersionDoc>, v: Kept, now: Date): Promise<void> {
  const record = toStorable({
    articleId: v.articleId,
    storyKey: v.storyKey,
    version: v.version,
    enrichedAt: new Date(v.enrichment.enrichedAt),
    provenance: v.enrichment.provenance,
    enrichment: v.enrichment,
    origin: v.origin,
    replayId: v.replayId,
    recordedAt: now,
  });
  await history.updateOne({ _id: enrichmentVersionId(v.articleId, v.version) }, { $setOnInsert: record as Partial<EnrichmentVersionDoc> }, { upsert: true }).exec();
}

/** Equal apart from when it was computed: the same extractors said the same things. */
export function sameEnrichment(a: Enrichment, b: Enrichment): boolean {
  return stableJson(omit(a, ['enrichedAt'])) === stableJson(omit(b, ['enrichedAt']));
}

/** JSON with object keys sorted, so two documents compare by content whatever their key order. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}
