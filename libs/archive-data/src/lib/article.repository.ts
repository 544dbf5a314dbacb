import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { AnyBulkWriteOperation, Connection, Model } from 'mongoose';
import type { ArticleDeduplicated } from '@newswire/contracts';
import {
  type ArticleDoc,
  articleModel,
  type ArticleVersionDoc,
  articleVersionModel,
  type DuplicateDoc,
  duplicateModel,
} from './article.model';
import { type AuditAction, auditActionOf, heldUntilAfter, waitsForRelease } from './embargo/decide';
import { type EmbargoCandidate, EmbargoLedger } from './embargo/embargo-ledger';
import { detectCapabilities, type StoreCapabilities } from './capabilities';
import { type EnrichmentVersionDoc, enrichmentVersionModel } from './enrichment-version.model';
import { type GuardedWrite, guardedBulkWrite, insertFlags } from './guarded-bulk';
import { type ListedStory, ListIndex } from './list-index/list-index';
import { listsOf } from './list-index/lists';
import { reEnrich, type ReEnrichResult, type ReplayProvenance } from './re-enrich';
import { fromStored, toStored } from './stored-shape';
import { omit, planWrite, type WriteMeta, type WritePlan } from './write-plan';

export type StoreOutcome = 'stored' | 'unchanged' | 'duplicate-recorded' | 'stale-recorded' | 'killed';

export interface StoreResult {
  articleId: string;
  storyKey: string;
  outcome: StoreOutcome;
  /**
   * The story is (still) under embargo after this message, or its release is pending: the
   * message's public stored event is left to the release. `action` is what this version did to the hold.
   */
  embargo?: { held: true; action?: AuditAction };
}

/** Optional fields of the current version: a newer version without one must not inherit the older one's. */
const OPTIONAL_FIELDS = [
  'version',
  'killedAt',
  'heldUntil',
  'bodyText',
  'bodyHtml',
  'firstCreated',
  'versionCreated',
  'language',
  'source',
  'publisher',
  'provider',
  'searchTerms',
  'searchText',
  'packed',
  'article',
  'enrichment',
  'dedup',
] as const;

type StoryPlan = Extract<WritePlan, { kind: 'story' | 'kill' }>;

/** The article fields the list index is built from. */
const LISTED_PROJECTION = {
  storedAt: 1,
  people: 1,
  organisations: 1,
  places: 1,
  subjects: 1,
  source: 1,
  provider: 1,
  publisher: 1,
  language: 1,
  clusterId: 1,
  dedupStatus: 1,
  searchTerms: 1,
  searchText: 1,
} as const;

/** On MongoDB each list filter is an index on the field followed by the list order. */
const LIST_FIELDS = ['people', 'organisations', 'places', 'subjects', 'source', 'provider', 'publisher', 'language', 'clusterId', 'dedupStatus'] as const;

/**
 * The archive's write side. Every write is idempotent (Kafka is at-least-once)
 * and version-guarded in one database operation, so redelivered, reordered
 * or concurrent messages cannot overwrite a newer version.
 */
export class ArticleRepository {
  readonly articles: Model<ArticleDoc>;
  readonly versions: Model<ArticleVersionDoc>;
  readonly duplicates: Model<DuplicateDoc>;
  readonly enrichments: Model<EnrichmentVersionDoc>;
  readonly listIndex: ListIndex;
  readonly embargo: EmbargoLedger;
  private capabilities?: Promise<StoreCapabilities>;
  private rangesAnswered = false;

  /** With a tracer, each store call is a span (archive.<method>). */
  constructor(
    private readonly connection: Connection,
    tracer?: Tracer,
  ) {
    this.articles = articleModel(connection);
    this.versions = articleVersionModel(connection);
    this.duplicates = duplicateModel(connection);
    this.enrichments = enrichmentVersionModel(connection);
    this.listIndex = new ListIndex(connection);
    this.embargo = new EmbargoLedger(connection);
    withStoreSpans<ArticleRepository>(this, tracer, 'archive', ['storeMany', 'reEnrichMany', 'findById', 'findByStoryKey', 'versionsOf', 'compactListIndex']);
  }

  /** Whether the store answers hinted `_id` ranges from its index (the project's FerretDB build); a yes is kept. */
  private async answersRanges(): Promise<boolean> {
    if (this.rangesAnswered) return true;
    this.rangesAnswered = await this.listIndex.answersRanges();
    return this.rangesAnswered;
  }

  /** What the store supports, asked once. */
  storeCapabilities(): Promise<StoreCapabilities> {
    this.capabilities ??= detectCapabilities(this.connection).catch((err: unknown) => {
      this.capabilities = undefined;
      throw err;
    });
    return this.capabilities;
  }

  /**
   * On MongoDB, the schema indexes, the text index and one index per list filter. FerretDB 1.x
   * reads through no index but `_id` (a secondary index there is an SQLite expression index that
   * only costs writes and space: on an array field it indexes the whole array as one value), so
   * there the list index stands in for them: built from the stored stories the first time, then
   * marked ready (the API uses it only once it is).
   */
  async ensureIndexes(capabilities?: StoreCapabilities): Promise<StoreCapabilities> {
    const caps = capabilities ?? (await this.storeCapabilities());
    if (caps.server === 'mongodb') {
      await this.articles.createIndexes();
      await this.versions.createIndexes();
      await this.duplicates.createIndexes();
      await this.enrichments.createIndexes();
    }
    if (caps.textSearch) {
      await this.articles.collection.createIndex(
        { headline: 'text', bodyText: 'text' },
        { name: 'article_text', weights: { headline: 3, bodyText: 1 }, default_language: 'none' },
      );
    }
    if (caps.server === 'mongodb') {
      for (const field of LIST_FIELDS) await this.articles.collection.createIndex({ [field]: 1, storedAt: -1, _id: -1 }, { name: `list_${field}` });
    }
    if (caps.listIndex) await this.buildListIndex();
    return caps;
  }

  /**
   * Indexes every stored story once, then marks the list index ready. Stories stored meanwhile
   * are indexed by their own writes, so none is missed; one indexed twice only repeats postings.
   */
  async buildListIndex(now = new Date()): Promise<void> {
    if (await this.listIndex.isReady()) return;
    const cursor = this.articles.find({}, LISTED_PROJECTION).lean<ArticleDoc[]>().cursor({ batchSize: 500 });
    let chunk: ListedStory[] = [];
    for await (const doc of cursor) {
      chunk.push({ storyKey: doc._id, storedAt: doc.storedAt, lists: listsOf(doc) });
      if (chunk.length === 500) {
        await this.listIndex.record(chunk);
        chunk = [];
      }
    }
    await this.listIndex.record(chunk);
    if (await this.answersRanges()) while ((await this.listIndex.compact(now)) > 0);
    await this.listIndex.markReady(now);
  }

  /**
   * Moves the list index's recent postings into compacted blocks (FerretDB; the storage stage runs
   * it periodically). Only where the store answers `_id` ranges from its index: elsewhere (stock
   * FerretDB) each read would scan the whole index, and the API does not use it there anyway.
   */
  async compactListIndex(now = new Date()): Promise<number> {
    if (!(await this.storeCapabilities()).listIndex || !(await this.answersRanges())) return 0;
    let moved = 0;
    for (let n = await this.listIndex.compact(now); n > 0; n = await this.listIndex.compact(now)) moved += n;
    return moved;
  }

  async store(message: ArticleDeduplicated, now = new Date()): Promise<StoreOutcome> {
    const [result] = await this.storeMany([message], now);
    return result.outcome;
  }

  /** The batch path: three bulk writes (stories, versions, duplicates) for any number of messages. */
  async storeMany(messages: ArticleDeduplicated[], now = new Date(), meta: WriteMeta[] = []): Promise<StoreResult[]> {
    const plans = messages.map((m, i) => planWrite(m, now, meta[i]));
    const stories = plans.filter((p): p is StoryPlan => p.kind !== 'duplicate');
    const duplicates = plans.filter((p): p is Extract<WritePlan, { kind: 'duplicate' }> => p.kind === 'duplicate');

    const compact = (await this.storeCapabilities()).server === 'ferretdb';
    const candidates = stories.map(embargoCandidateOf);
    const decided = await this.embargo.decide(candidates, now);
    stories.forEach((p, i) => (p.current.heldUntil = heldUntilAfter(decided[i].decision, now)));
    await this.embargo.record(candidates, decided, now);
    const { applied, created } = await guardedBulkWrite(as(this.articles), stories.map((p) => storyWrite(p, now, compact)));
    // A story this write created has storedAt = now ($setOnInsert): no need to read it back.
    const createdKeys = new Set(stories.filter((_, i) => created[i]).map((p) => p.storyKey));
    // Three independent writes after the story write, sent together (each is a store round trip). Any
    // of them failing fails the chunk; its redelivery finds the story current and writes them again.
    const [, versionInserted, duplicateInserted] = await Promise.all([
      this.indexStories(
        stories.filter((_, i) => applied[i]),
        createdKeys,
        now,
      ),
      insertFlags(as(this.versions), stories.map((p, i) => versionOp(p, applied[i]))),
      insertFlags(
        as(this.duplicates),
        duplicates.map((p) => ({
          updateOne: { filter: { _id: p.articleId }, update: { $setOnInsert: withoutId(p.duplicate) }, upsert: true },
        })),
      ),
    ]);

    const outcomes = new Map<WritePlan, StoreOutcome>();
    stories.forEach((p, i) => {
      // The version record exists once per article id: finding it already there means a redelivery.
      if (!versionInserted[i]) outcomes.set(p, 'unchanged');
      else if (applied[i]) outcomes.set(p, p.kind === 'kill' ? 'killed' : 'stored');
      else outcomes.set(p, 'stale-recorded');
    });
    duplicates.forEach((p, i) => outcomes.set(p, duplicateInserted[i] ? 'duplicate-recorded' : 'unchanged'));
    const embargoes = new Map<WritePlan, StoreResult['embargo']>();
    stories.forEach((p, i) => {
      const { decision, heldBefore } = decided[i];
      if (waitsForRelease(decision)) embargoes.set(p, { held: true, action: auditActionOf(decision) });
      else if (decision.action === 'stale' && heldBefore) embargoes.set(p, { held: true });
    });
    duplicates.forEach((p) => {
      // A copy under its own future embargo says nothing in public either.
      if (p.embargoed && p.embargoed.getTime() > now.getTime()) embargoes.set(p, { held: true });
    });
    return plans.map((p) => ({ articleId: p.articleId, storyKey: p.storyKey, outcome: outcomes.get(p) ?? 'unchanged', ...(embargoes.has(p) ? { embargo: embargoes.get(p) } : {}) }));
  }

  /**
   * Replayed articles (`x-replay: enrichment`): each one's new enrichment becomes a new
   * enrichment version of its stored story, never a story, version or duplicate (see reEnrich).
   * One at a time, in order: replays are few, and two of one story must apply in turn.
   */
  async reEnrichMany(messages: ArticleDeduplicated[], provenance: ReplayProvenance[] = [], now = new Date()): Promise<ReEnrichResult[]> {
    const results: ReEnrichResult[] = [];
    const index = (await this.storeCapabilities()).listIndex ? this.listIndex : undefined;
    for (const [i, message] of messages.entries()) results.push(await reEnrich(this.articles, this.enrichments, message, provenance[i] ?? {}, now, index));
    return results;
  }

  /**
   * Adds the list-index postings of the states just written (FerretDB). After the write, so a
   * crash in between leaves the message uncommitted: its redelivery finds its version current
   * (applied) and indexes it then. storedAt is read back (an update keeps the story's first one),
   * except for stories this write created (`createdNow`), whose storedAt is `now`.
   */
  private async indexStories(plans: StoryPlan[], createdNow: ReadonlySet<string>, now: Date): Promise<void> {
    if (plans.length === 0 || !(await this.storeCapabilities()).listIndex) return;
    const toRead = [...new Set(plans.map((p) => p.storyKey))].filter((k) => !createdNow.has(k));
    const docs = toRead.length ? await this.articles.find({ _id: { $in: toRead } }, { storedAt: 1 }).lean<Pick<ArticleDoc, '_id' | 'storedAt'>[]>().exec() : [];
    const storedAt = new Map<string, Date>([...[...createdNow].map((k) => [k, now] as const), ...docs.map((d) => [d._id, d.storedAt] as const)]);
    const stories: ListedStory[] = [];
    for (const p of plans) {
      const at = storedAt.get(p.storyKey);
      if (at) stories.push({ storyKey: p.storyKey, storedAt: at, lists: listsOf(p.current) });
    }
    await this.listIndex.record(stories);
  }

  /** Every enrichment version kept for an article, oldest first (none until a replay changed it). */
  enrichmentsOf(articleId: string): Promise<EnrichmentVersionDoc[]> {
    return this.enrichments.find({ articleId }).sort({ version: 1 }).lean<EnrichmentVersionDoc[]>().exec();
  }

  /** The stored story whose current version is this article, else the story this (older) version belongs to. */
  async findById(articleId: string): Promise<ArticleDoc | null> {
    // Two `_id` lookups: the only kind FerretDB answers from an index.
    const version = await this.versions.findById(articleId).lean<ArticleVersionDoc>().exec();
    return version ? this.findByStoryKey(version.storyKey) : null;
  }

  async findByStoryKey(storyKey: string): Promise<ArticleDoc | null> {
    const doc = await this.articles.findById(storyKey).lean<ArticleDoc>().exec();
    return doc && fromStored(doc);
  }

  versionsOf(storyKey: string): Promise<ArticleVersionDoc[]> {
    return this.versions.find({ storyKey }).sort({ rank: -1, recordedAt: -1 }).lean<ArticleVersionDoc[]>().exec();
  }
}

function embargoCandidateOf(plan: StoryPlan): EmbargoCandidate {
  const embargoed = plan.current.article.embargoed;
  return {
    storyKey: plan.storyKey,
    articleId: plan.articleId,
    version: plan.current.version,
    rank: plan.rank,
    kill: plan.kind === 'kill',
    embargoed: embargoed ? new Date(embargoed) : undefined,
  };
}

function withoutId<T extends { _id?: unknown }>(doc: T): Omit<T, '_id'> {
  return omit(doc, ['_id']);
}

/** The write helpers are generic over documents; the models' own types add nothing there. */
const as = (model: Model<never> | Model<ArticleDoc> | Model<ArticleVersionDoc> | Model<DuplicateDoc>) => model as Model<never>;

function storyWrite(plan: StoryPlan, now: Date, compact: boolean): GuardedWrite {
  const current = toStored(plan.current, compact) as unknown as Record<string, unknown>;
  const $unset: Record<string, ''> = {};
  for (const field of OPTIONAL_FIELDS) if (current[field] === undefined) $unset[field] = '';
  // A kill wins over any rank but only once; a story already killed takes no further version.
  // Ranks are strings (versionRankOf); a number is a rank written before that, older than any version.
  const newer = { $or: [{ rank: { $lt: plan.rank } }, { rank: { $type: 'number' } }] };
  const filter = plan.kind === 'kill' ? { _id: plan.storyKey, killed: { $ne: true } } : { _id: plan.storyKey, ...newer, killed: { $ne: true } };
  const update = { $set: current, ...(Object.keys($unset).length ? { $unset } : {}), $setOnInsert: { storedAt: now } };
  return {
    storyKey: plan.storyKey,
    articleId: plan.articleId,
    rank: plan.rank,
    kill: plan.kind === 'kill',
    op: { updateOne: { filter, update, upsert: true } } as AnyBulkWriteOperation,
  };
}

function versionOp(plan: StoryPlan, applied: boolean): AnyBulkWriteOperation {
  const rest = omit(plan.version, ['_id', 'outcome']);
  const outcome = plan.kind === 'kill' ? 'killed' : 'stored';
  // The message that won records its outcome even if a concurrent redelivery inserted the record first.
  const update = applied ? { $setOnInsert: rest, $set: { outcome } } : { $setOnInsert: { ...rest, outcome: 'stale-recorded' } };
  return { updateOne: { filter: { _id: plan.articleId }, update, upsert: true } } as AnyBulkWriteOperation;
}
