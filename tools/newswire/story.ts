import type { ArticleDoc, ArticleVersionDoc, DuplicateDoc, EnrichmentVersionDoc } from '@newswire/archive-data';
import { type CliContext, UsageError } from './context';
import { fields, table } from './render';

export interface StoryReport {
  storyKey: string;
  articleId: string;
  headline: string;
  source?: string;
  pubStatus: string;
  killed: boolean;
  listed: boolean;
  storedAt: Date;
  updatedAt: Date;
  clusterId?: string;
  /** Why the current version is what it is: the deduplicator's verdict, with its sentence of explanation. */
  verdict: ArticleDoc['dedup'];
  enrichment: { version: number; enrichedAt: string; language?: string; provenance: ArticleDoc['enrichment']['provenance'] };
  /** Every enrichment kept (none until a replay changed the story's). */
  enrichmentVersions: Pick<EnrichmentVersionDoc, 'version' | 'origin' | 'replayId' | 'enrichedAt' | 'provenance' | 'recordedAt'>[];
  versions: Pick<ArticleVersionDoc, '_id' | 'version' | 'versionCreated' | 'pubStatus' | 'dedupStatus' | 'outcome' | 'receivedAt' | 'headline' | 'traceId'>[];
  /** Copies of this story recorded against its cluster. */
  duplicates: Pick<DuplicateDoc, '_id' | 'storyKey' | 'headline' | 'method' | 'score' | 'explanation' | 'duplicateOf' | 'receivedAt'>[];
  /** The trace id of the current version, when its message carried a W3C `traceparent`. */
  traceId?: string;
}

/** `story <id>`: an article id (any version of the story) or a story key (`<source>|<uri>`). */
export async function story(ctx: CliContext, id: string): Promise<StoryReport> {
  const repo = await ctx.archive();
  const doc = (await repo.findById(id)) ?? (await repo.findByStoryKey(id)) ?? (await duplicateStory(repo, id));
  if (!doc) throw new UsageError(`no stored story has the article id or story key ${id}`);
  const [versions, enrichments, duplicates] = await Promise.all([
    repo.versionsOf(doc._id),
    repo.enrichmentsOf(doc.articleId),
    doc.clusterId ? repo.duplicates.find({ clusterId: doc.clusterId }).sort({ receivedAt: 1 }).lean<DuplicateDoc[]>().exec() : Promise.resolve([] as DuplicateDoc[]),
  ]);
  const traceId = versions.find((v) => v._id === doc.articleId)?.traceId;
  return {
    storyKey: doc._id,
    articleId: doc.articleId,
    headline: doc.headline,
    source: doc.source,
    pubStatus: doc.pubStatus,
    killed: doc.killed,
    listed: doc.listed,
    storedAt: doc.storedAt,
    updatedAt: doc.updatedAt,
    clusterId: doc.clusterId,
    verdict: doc.dedup,
    enrichment: { version: doc.enrichmentVersion ?? 1, enrichedAt: doc.enrichment.enrichedAt, language: doc.language, provenance: doc.enrichment.provenance },
    enrichmentVersions: enrichments.map((e) => ({ version: e.version, origin: e.origin, replayId: e.replayId, enrichedAt: e.enrichedAt, provenance: e.provenance, recordedAt: e.recordedAt })),
    versions: versions.map((v) => ({
      _id: v._id,
      version: v.version,
      versionCreated: v.versionCreated,
      pubStatus: v.pubStatus,
      dedupStatus: v.dedupStatus,
      outcome: v.outcome,
      receivedAt: v.receivedAt,
      headline: v.headline,
      ...(v.traceId ? { traceId: v.traceId } : {}),
    })),
    duplicates: duplicates.map((d) => ({ _id: d._id, storyKey: d.storyKey, headline: d.headline, method: d.method, score: d.score, explanation: d.explanation, duplicateOf: d.duplicateOf, receivedAt: d.receivedAt })),
    ...(traceId ? { traceId } : {}),
  };
}

/** A duplicate is not stored as a story: its id leads to the story it copies. */
async function duplicateStory(repo: Awaited<ReturnType<CliContext['archive']>>, id: string): Promise<ArticleDoc | null> {
  const dup = await repo.duplicates.findById(id).lean<DuplicateDoc>().exec();
  return dup ? repo.findById(dup.duplicateOf) : null;
}

const iso = (d: Date | string | undefined) => (d ? new Date(d).toISOString() : '');
const provenanceText = (p: StoryReport['enrichment']['provenance']) => p.map((x) => `${x.annotation}: ${x.extractor}@${x.version}`).join(', ');

export function renderStory(s: StoryReport): string {
  const head = fields([
    ['story key', s.storyKey],
    ['article id', s.articleId],
    ['headline', s.headline],
    ['source', s.source],
    ['status', `${s.pubStatus}${s.killed ? ', killed' : ''}${s.listed ? '' : ', withheld'}`],
    ['stored / updated', `${iso(s.storedAt)} / ${iso(s.updatedAt)}`],
    ['cluster', s.clusterId],
    ['verdict', `${s.verdict.status} by ${s.verdict.method}${s.verdict.score !== undefined ? ` (score ${s.verdict.score.toFixed(2)})` : ''}${s.verdict.duplicateOf ? ` of ${s.verdict.duplicateOf}` : ''}`],
    ['explanation', s.verdict.explanation],
    ['enrichment', `version ${s.enrichment.version}, ${s.enrichment.enrichedAt}, ${s.enrichment.language ?? ''}`],
    ['provenance', provenanceText(s.enrichment.provenance)],
    ['trace id', s.traceId],
  ]);
  const versions = table(
    ['version', 'article id', 'received', 'pub status', 'dedup', 'outcome', 'trace id'],
    s.versions.map((v) => [v.version ?? iso(v.versionCreated), v._id, iso(v.receivedAt), v.pubStatus, v.dedupStatus, v.outcome, v.traceId]),
  );
  const parts = [head, `\nversions (${s.versions.length}):\n${versions}`];
  if (s.enrichmentVersions.length) {
    parts.push(
      `\nenrichment versions:\n${table(
        ['version', 'origin', 'replay', 'enriched at', 'provenance'],
        s.enrichmentVersions.map((e) => [e.version, e.origin, e.replayId, iso(e.enrichedAt), provenanceText(e.provenance)]),
      )}`,
    );
  }
  parts.push(
    s.duplicates.length
      ? `\nduplicates (${s.duplicates.length}):\n${table(['article id', 'story key', 'method', 'score', 'of', 'explanation'], s.duplicates.map((d) => [d._id, d.storyKey, d.method, d.score?.toFixed(2), d.duplicateOf, d.explanation]))}`
      : '\nduplicates: none',
  );
  return parts.join('\n');
}
