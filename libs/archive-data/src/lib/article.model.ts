import { type Connection, type Model, Schema } from 'mongoose';
import type { ArticleDeduplicated, PubStatus } from '@newswire/contracts';

/**
 * The current version of one story, under `_id` = story key (source + source
 * id). One document per story is what makes the version guard a single
 * atomic upsert: `{_id, rank: {$lt: new}}` either matches and replaces, or
 * the upsert collides on `_id` (E11000) and nothing changes.
 *
 * Filterable values are lifted to top-level scalar and string-array fields
 * because FerretDB pushes only simple equality filters down to its backend.
 */
export interface ArticleDoc {
  _id: string;
  articleId: string;
  uri: string;
  version?: number;
  /** Orders versions of the story: versionRankOf (contracts), the deduplicator's order too. */
  rank: string;
  pubStatus: PubStatus;
  /** Canceled by the source: the body is removed and never served again. */
  killed: boolean;
  killedAt?: Date;
  /** False while withheld: kept, but left out of every list. */
  listed: boolean;
  /**
   * Under embargo until this instant (see embargo/decide.ts): hidden from public readers while in
   * the future; cleared by the release.
   */
  heldUntil?: Date;
  headline: string;
  bodyText?: string;
  bodyHtml?: string;
  firstCreated?: Date;
  versionCreated?: Date;
  language?: string;
  /** The source part of the story key: provider, else publisher, lower-cased. */
  source?: string;
  publisher?: string;
  provider?: string;
  people: string[];
  organisations: string[];
  places: string[];
  /** Subject codes: the source's own and the enrichment's medtop codes. */
  subjects: string[];
  clusterId: string;
  dedupStatus: string;
  /** The words of headline and body (search-terms.ts), on MongoDB and in stories stored before searchText. */
  searchTerms?: string[];
  /**
   * The same words joined by single spaces, in place of searchTerms on FerretDB: an array of
   * hundreds of strings costs FerretDB more to read than the rest of the story together.
   */
  searchText?: string;
  /** On FerretDB, `article`, `enrichment` and `dedup` as one JSON string (see stored-shape.ts). */
  packed?: string;
  /** The canonical article without its body and raw bytes (those are above, or dropped). */
  article: Omit<ArticleDeduplicated['article'], 'bodyText' | 'bodyHtml' | 'raw'>;
  enrichment: ArticleDeduplicated['enrichment'];
  /**
   * Which enrichment of the current article `enrichment` is: 1 from ingest, one more for each
   * replay that changed it (older ones are in `article_enrichments`). Absent on stories stored
   * before enrichment versions existed: read it as 1.
   */
  enrichmentVersion?: number;
  dedup: ArticleDeduplicated['dedup'];
  /** When the story was first stored; never changes, so it is the stable sort key for paging. */
  storedAt: Date;
  updatedAt: Date;
}

export const ArticleSchema = new Schema<ArticleDoc>(
  {
    _id: { type: String, required: true },
    articleId: { type: String, required: true, index: true },
    uri: { type: String, required: true, index: true },
    version: Number,
    rank: { type: String, required: true },
    pubStatus: { type: String, required: true },
    killed: { type: Boolean, required: true },
    killedAt: Date,
    listed: { type: Boolean, required: true },
    heldUntil: Date,
    headline: { type: String, required: true },
    bodyText: String,
    bodyHtml: String,
    firstCreated: { type: Date, index: true },
    versionCreated: Date,
    language: { type: String, index: true },
    source: { type: String, index: true },
    publisher: { type: String, index: true },
    provider: { type: String, index: true },
    people: { type: [String], index: true },
    organisations: { type: [String], index: true },
    places: { type: [String], index: true },
    subjects: { type: [String], index: true },
    clusterId: { type: String, required: true, index: true },
    dedupStatus: { type: String, required: true, index: true },
    searchTerms: { type: [String], index: true, default: undefined },
    searchText: String,
    packed: String,
    // Required in the plain shape; a packed story (FerretDB) has them in `packed` instead.
    article: { type: Schema.Types.Mixed },
    enrichment: { type: Schema.Types.Mixed },
    enrichmentVersion: Number,
    dedup: { type: Schema.Types.Mixed },
    storedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'articles', versionKey: false, autoIndex: false, minimize: false },
);
// The list order and its keyset condition: newest first, _id breaks ties.
ArticleSchema.index({ storedAt: -1, _id: -1 });

export type VersionOutcome = 'stored' | 'stale-recorded' | 'killed';

/** Every message of a story, newer or not, so the history shows what arrived and what won. No bodies. */
export interface ArticleVersionDoc {
  _id: string;
  storyKey: string;
  uri: string;
  version?: number;
  rank: string;
  versionCreated?: Date;
  pubStatus: PubStatus;
  signals: string[];
  headline: string;
  dedupStatus: string;
  outcome: VersionOutcome;
  receivedAt: Date;
  recordedAt: Date;
  /** The W3C trace id the message carried (`traceparent`), to find the story in traces. */
  traceId?: string;
}

export const ArticleVersionSchema = new Schema<ArticleVersionDoc>(
  {
    _id: { type: String, required: true },
    storyKey: { type: String, required: true },
    uri: { type: String, required: true },
    version: Number,
    rank: { type: String, required: true },
    versionCreated: Date,
    pubStatus: { type: String, required: true },
    signals: { type: [String], default: [] },
    headline: { type: String, required: true },
    dedupStatus: { type: String, required: true },
    outcome: { type: String, required: true },
    receivedAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    traceId: String,
  },
  { collection: 'article_versions', versionKey: false, autoIndex: false },
);
ArticleVersionSchema.index({ storyKey: 1, rank: -1 });

export interface DuplicateDoc {
  _id: string;
  clusterId: string;
  duplicateOf: string;
  storyKey: string;
  uri: string;
  headline: string;
  method: string;
  score?: number;
  explanation?: string;
  receivedAt: Date;
  recordedAt: Date;
}

/** A duplicate is recorded against its cluster, never stored as a second full copy. */
export const DuplicateSchema = new Schema<DuplicateDoc>(
  {
    _id: { type: String, required: true },
    clusterId: { type: String, required: true, index: true },
    duplicateOf: { type: String, required: true, index: true },
    storyKey: { type: String, required: true },
    uri: { type: String, required: true },
    headline: { type: String, required: true },
    method: { type: String, required: true },
    score: Number,
    explanation: String,
    receivedAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'article_duplicates', versionKey: false, autoIndex: false },
);

export function articleModel(connection: Connection): Model<ArticleDoc> {
  return connection.models['Article'] ?? connection.model<ArticleDoc>('Article', ArticleSchema);
}

export function articleVersionModel(connection: Connection): Model<ArticleVersionDoc> {
  return connection.models['ArticleVersion'] ?? connection.model<ArticleVersionDoc>('ArticleVersion', ArticleVersionSchema);
}

export function duplicateModel(connection: Connection): Model<DuplicateDoc> {
  return connection.models['Duplicate'] ?? connection.model<DuplicateDoc>('Duplicate', DuplicateSchema);
}
