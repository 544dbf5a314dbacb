import { z } from 'zod';
import { CanonicalArticleV1, IsoDateTime } from './article.schema';
import { TOPICS } from './topics';

export const Provenance = z.object({
  extractor: z.string(),
  version: z.string(),
});

export const PlaceRef = z.object({
  name: z.string(),
  countryCode: z.string().length(2).optional(),
  geonameId: z.number().int().optional(),
});

export const SubjectScore = z.object({
  code: z.string().regex(/^medtop:\d{8}$/),
  name: z.string(),
  score: z.number().min(0).max(1),
  terms: z.array(z.string()).default([]),
});

export const FoundEntity = z.object({
  name: z.string().min(1),
  mentions: z.number().int().positive(),
  surfaceForms: z.array(z.string()).default([]),
  firstOffset: z.number().int().nonnegative().optional(),
  salience: z.number().min(0).max(1).optional(),
  countryCode: z.string().length(2).optional(),
  geonameId: z.number().int().optional(),
  /** Countries: their Wikidata item (Q142 for France). */
  wikidataId: z.string().regex(/^Q[1-9]\d*$/).optional(),
  /** Places: country, capital, city, region, feature; organisations: company, seat of power, ... */
  kind: z.string().optional(),
  /** Where an organisation sits: the Kremlin is in Moscow, RU. */
  located: PlaceRef.optional(),
});

export const EnrichmentV1 = z.object({
  language: z.string(),
  languageConfidence: z.number().min(0).max(1),
  languageSupported: z.boolean(),
  wordCount: z.number().int().nonnegative(),
  readingTimeSeconds: z.number().int().nonnegative(),
  people: z.array(FoundEntity).default([]),
  organisations: z.array(FoundEntity).default([]),
  places: z.array(FoundEntity).default([]),
  provenance: z.array(Provenance.extend({ annotation: z.string() })),
  enrichedAt: IsoDateTime,
  /** IPTC Media Topics (top level), best first, with the words that decided them. */
  subjects: z.array(SubjectScore).optional(),
  keywords: z.array(z.object({ text: z.string(), score: z.number() })).optional(),
  /** Extractive: the lead sentences. */
  summary: z.string().optional(),
  dateline: z
    .object({ text: z.string(), place: PlaceRef.optional(), date: z.string().optional(), source: z.string().optional() })
    .optional(),
  /** Where the story happens: the dateline place, else the source's own, else the most salient place. */
  located: PlaceRef.extend({ from: z.enum(['source', 'dateline', 'entities']) }).optional(),
});

export const ArticleReceivedV1 = CanonicalArticleV1;

export const ArticleEnrichedV1 = z.object({
  article: CanonicalArticleV1,
  enrichment: EnrichmentV1,
});

/**
 * Why an article was (or was not) merged, so a user can see the reason.
 * - original: first of its story and of its text.
 * - duplicate: another article (exact text or near copy) already carries it.
 * - new-version / stale-version: same source and source id as a known story,
 *   newer (supersedes) or older-or-equal (recorded, never overwrites).
 */
export const DedupVerdictV1 = z.object({
  status: z.enum(['original', 'duplicate', 'new-version', 'stale-version']),
  method: z.enum(['none', 'identity', 'exact', 'near']),
  /** Similarity to the matched article (1 for exact and identity matches). */
  score: z.number().min(0).max(1).optional(),
  contentHash: z.string(),
  /** The article this one matched: the original of a duplicate, the stored version of a story. */
  duplicateOf: z.string().optional(),
  clusterId: z.string(),
  storyKey: z.string().optional(),
  explanation: z.string().optional(),
  decidedAt: IsoDateTime,
});

export const ArticleDeduplicatedV1 = ArticleEnrichedV1.extend({
  dedup: DedupVerdictV1,
});

/** A story the source canceled: subscribers must withdraw it. */
export const StoryKilledV1 = z.object({
  storyKey: z.string(),
  articleId: z.string(),
  uri: z.string(),
  clusterId: z.string().optional(),
  reason: z.string(),
  killedAt: IsoDateTime,
});

/** A story superseded by a correction or update: subscribers replace what they hold. */
export const StoryCorrectedV1 = z.object({
  storyKey: z.string(),
  articleId: z.string(),
  previousArticleId: z.string().optional(),
  uri: z.string(),
  version: z.number().int().nonnegative().optional(),
  signals: z.array(z.enum(['update', 'correction'])),
  headline: z.string(),
  correctedAt: IsoDateTime,
});

/**
 * A story held under embargo became public: its time passed (`due`) or a newer version lifted
 * the embargo (`lifted`). The stored event of its current version follows on news.article.stored.v1.
 * `releaseId` is the same for every send of one release (a crash mid-release may send it again).
 */
export const StoryReleasedV1 = z.object({
  releaseId: z.string(),
  storyKey: z.string(),
  articleId: z.string(),
  headline: z.string(),
  /** The hold that ended: the embargo time, or the instant a newer version lifted it. */
  embargoedUntil: IsoDateTime,
  reason: z.enum(['due', 'lifted']),
  releasedAt: IsoDateTime,
});

/**
 * A story's current version in IPTC's ninjs 2.1, as the API serves it with
 * `?format=ninjs`: the IPTC JSON Schema (libs/wire-out/src/schema) is the
 * full contract; this schema checks the envelope every consumer relies on
 * and lets the rest of the standard through.
 */
export const ArticleNinjsV1 = z.looseObject({
  uri: z.string().min(1),
  type: z.string(),
  standard: z.looseObject({ name: z.literal('ninjs'), version: z.string() }),
  pubstatus: z.string().optional(),
  version: z.string().optional(),
  headlines: z.array(z.looseObject({ value: z.string() })).optional(),
});

/**
 * What the archive did with one message: stored (new story or newer version),
 * duplicate-recorded, unchanged (a redelivery, or a replay that changed
 * nothing), stale-recorded (an older or equal version, kept in the history
 * only), killed (canceled by the source) or re-enriched (a replay gave the
 * stored story a new enrichment version).
 */
export const ArticleStoredV1 = z.object({
  articleId: z.string(),
  clusterId: z.string(),
  status: z.enum(['stored', 'duplicate-recorded', 'unchanged', 'stale-recorded', 'killed', 're-enriched']),
  /** The story the message belongs to: the archive's key and the Kafka message key. */
  storyKey: z.string().optional(),
  duplicateOf: z.string().optional(),
  headline: z.string(),
  storedAt: IsoDateTime,
  /** The story's current enrichment version (1: from ingest; each replay that changed it adds one). */
  enrichmentVersion: z.number().int().positive().optional(),
});

/**
 * A feed's health: `ok`; `silent` (nothing past its expected cadence);
 * `off-baseline` (the last hour far from its own usual rate); `gaps` (agency
 * sequence numbers missing); `failing` (repeated parse failures); `unknown`
 * (not judged yet). Values are only ever appended.
 */
export const SourceHealthStatus = z.enum(['ok', 'silent', 'off-baseline', 'gaps', 'failing', 'unknown']);

/** A source's health changed (published on transitions only, keyed by source id). */
export const SourceHealthChangedV1 = z.object({
  sourceId: z.string().min(1),
  status: SourceHealthStatus,
  previousStatus: SourceHealthStatus,
  /** When the source entered this status (the evaluation that saw it). */
  since: IsoDateTime,
  /** Why, in words: "no story for 2 h 5 min (expected every 15 min)". */
  reason: z.string(),
  lastSeenAt: IsoDateTime.nullable(),
  storiesLastHour: z.number().nonnegative(),
  /** Mean stories per hour over the baseline hours; null until there is enough history. */
  baselinePerHour: z.number().nonnegative().nullable(),
  /** Sequence numbers (and NewsML-G2 versions) missing in the recent window. */
  missingSequences: z.number().int().nonnegative(),
  parseFailuresLastHour: z.number().nonnegative(),
});

export type Enrichment = z.infer<typeof EnrichmentV1>;
export type FoundEntityT = z.infer<typeof FoundEntity>;
export type ArticleReceived = z.infer<typeof ArticleReceivedV1>;
export type ArticleEnriched = z.infer<typeof ArticleEnrichedV1>;
export type DedupVerdict = z.infer<typeof DedupVerdictV1>;
export type ArticleDeduplicated = z.infer<typeof ArticleDeduplicatedV1>;
export type ArticleStored = z.infer<typeof ArticleStoredV1>;
export type StoryKilled = z.infer<typeof StoryKilledV1>;
export type StoryCorrected = z.infer<typeof StoryCorrectedV1>;
export type SourceHealthStatus = z.infer<typeof SourceHealthStatus>;
export type SourceHealthChanged = z.infer<typeof SourceHealthChangedV1>;
export type StoryReleased = z.infer<typeof StoryReleasedV1>;
export type ArticleNinjs = z.infer<typeof ArticleNinjsV1>;

/** The single place that says which schema a topic carries. */
export const TOPIC_SCHEMAS = {
  [TOPICS.articleReceived]: ArticleReceivedV1,
  [TOPICS.articleEnriched]: ArticleEnrichedV1,
  [TOPICS.articleDeduplicated]: ArticleDeduplicatedV1,
  [TOPICS.articleStored]: ArticleStoredV1,
  [TOPICS.storyKilled]: StoryKilledV1,
  [TOPICS.storyCorrected]: StoryCorrectedV1,
  [TOPICS.sourceHealth]: SourceHealthChangedV1,
  [TOPICS.storyReleased]: StoryReleasedV1,
  [TOPICS.articleNinjs]: ArticleNinjsV1,
} as const;

export type TopicSchemas = typeof TOPIC_SCHEMAS;
export type MessageOf<T extends keyof TopicSchemas> = z.infer<TopicSchemas[T]>;
