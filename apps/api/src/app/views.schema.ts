import { z } from 'zod';
import { DedupVerdictV1, EnrichmentV1, FoundEntity, Link, PubStatus, Signal, Subject, SubjectScore } from '@newswire/contracts';

/**
 * What the API answers, as zod schemas: the view functions are typed by
 * them (so a field cannot be served without being described) and the
 * OpenAPI document is generated from them (so the description cannot drift).
 */
const Instant = z.iso.datetime({ offset: true });

export const ArticleView = z.object({
  id: z.string().describe('Platform id of the current version'),
  storyKey: z.string().describe('The story: source + source id; every version of it shares this key'),
  uri: z.string(),
  version: z.number().int().optional(),
  pubStatus: PubStatus,
  killed: z.boolean().describe('Canceled by its source: never served with a body'),
  killedAt: Instant.optional(),
  embargoed: Instant.optional().describe('The embargo instant the source gave (public readers see a story only once it passed)'),
  heldUntil: Instant.optional().describe('Privileged readers only: held under embargo until this instant, not yet released'),
  headline: z.string(),
  subheadline: z.string().optional(),
  byline: z.string().optional(),
  dateline: z.string().optional(),
  description: z.string().optional(),
  bodyText: z.string().optional().describe('Absent when killed, or withheld and the token may not see withheld stories'),
  bodyHtml: z.string().optional(),
  summary: z.string().optional(),
  firstCreated: Instant.optional(),
  versionCreated: Instant.optional(),
  storedAt: Instant.describe('When the story was first stored: the paging order'),
  updatedAt: Instant,
  language: z.string().optional(),
  source: z.string().optional(),
  provider: z.string().optional(),
  publisher: z.string().optional(),
  urgency: z.number().int().optional(),
  signals: z.array(Signal),
  people: z.array(FoundEntity),
  organisations: z.array(FoundEntity),
  places: z.array(FoundEntity),
  subjects: z.array(SubjectScore).describe('IPTC Media Topics found by enrichment'),
  sourceSubjects: z.array(Subject).describe("The source's own subjects"),
  keywords: z.array(z.object({ text: z.string(), score: z.number() })),
  located: EnrichmentV1.shape.located,
  wordCount: z.number().int(),
  readingTimeSeconds: z.number().int(),
  clusterId: z.string().describe('Stories that are copies or versions of one another share it'),
  dedup: DedupVerdictV1.pick({ status: true, method: true, score: true, duplicateOf: true, explanation: true }),
  links: z.array(Link),
});

export const VersionView = z.object({
  id: z.string(),
  version: z.number().int().optional(),
  versionCreated: Instant.optional(),
  pubStatus: PubStatus,
  signals: z.array(z.string()),
  headline: z.string(),
  dedupStatus: z.string(),
  outcome: z.enum(['stored', 'stale-recorded', 'killed']),
  receivedAt: Instant,
  recordedAt: Instant,
});

export const DuplicateView = z.object({
  id: z.string(),
  duplicateOf: z.string(),
  uri: z.string(),
  headline: z.string(),
  method: z.string(),
  score: z.number().optional(),
  explanation: z.string().optional(),
  receivedAt: Instant,
  recordedAt: Instant,
});

export const ArticlePage = z.object({
  items: z.array(ArticleView),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});

export const ArticleWithVersions = ArticleView.extend({
  matchedAs: z.enum(['id', 'version', 'duplicate', 'storyKey', 'uri']),
  versions: z.array(VersionView).describe('Every message of the story, newest rank first, with its outcome'),
});

export const ClusterView = z.object({
  clusterId: z.string(),
  articles: z.array(ArticleView),
  duplicates: z.array(DuplicateView),
});

export const EmbargoAuditEntryView = z.object({
  action: z.enum(['hold', 'change', 'lift', 'release']),
  articleId: z.string().describe('The version that held, changed or lifted; for a release, the version made public'),
  version: z.number().int().optional(),
  embargoedUntil: Instant.describe('The hold after the action; for a lift or a release, the hold that ended'),
  previousUntil: Instant.optional().describe('A change: the instant before'),
  releaseId: z.string().optional().describe('A release: the releaseId of its news.story.released.v1 event'),
  at: Instant,
});

export const EmbargoAudit = z.object({
  storyKey: z.string(),
  entries: z.array(EmbargoAuditEntryView).describe('Oldest first'),
});

export const ErrorBody = z.object({
  statusCode: z.number().int(),
  error: z
    .string()
    .describe(
      'Stable machine-readable code: invalid_parameter, not_found, unauthorized, forbidden, rate_limited, query_timeout, store_unavailable, database_unavailable, internal_error',
    ),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const SecretRef = z.string().describe('Where the secret lives (`env:NAME` or `file:path`), never the secret');

/** A registered source (`SOURCES_FILE`), as `sourceView` in @newswire/sources builds it. */
export const SourceViewSchema = z.object({
  id: z.string().describe('The source id: the first part of its stories\' story keys'),
  name: z.string(),
  provider: z.string().nullable(),
  providerId: z.string().nullable(),
  enabled: z.boolean(),
  format: z.string().nullable().describe('Media type of what it sends, when the channel does not say'),
  language: z.string().nullable().describe('Language of its items that do not say theirs'),
  expectedCadence: z.string().nullable().describe('ISO 8601 duration'),
  expectedCadenceSeconds: z.number().int().nullable(),
  trust: z.enum(['trusted', 'standard', 'untrusted']),
  dedup: z.object({ distinctIds: z.boolean() }),
  channels: z.array(z.enum(['push', 'poll', 'dropFolder'])),
  push: z.object({ keys: z.array(z.object({ id: z.string(), secret: SecretRef })) }).nullable(),
  poll: z
    .object({
      url: z.string().describe('Query values shown as REDACTED'),
      everySeconds: z.number().int(),
      timeoutMs: z.number().int(),
      maxBytes: z.number().int(),
      maxRedirects: z.number().int(),
      allowInternal: z.union([z.boolean(), z.array(z.string())]),
      format: z.string().nullable(),
      credentials: z.object({ header: z.string(), secret: SecretRef }).nullable(),
    })
    .nullable(),
  dropFolder: z.object({ path: z.string(), quietSeconds: z.number().int() }).nullable(),
  rateLimit: z.object({ perMinute: z.number().int(), burst: z.number().int() }).nullable(),
});

export const SourceList = z.object({ items: z.array(SourceViewSchema) });

/** A source's feed health, as `sourceHealthView` in @newswire/feed-health builds it (README, "Feed health"). */
export const SourceHealthViewSchema = z.object({
  sourceId: z.string(),
  status: z.enum(['ok', 'silent', 'off-baseline', 'gaps', 'failing', 'unknown']),
  since: Instant.nullable().describe('When the source entered this status'),
  reason: z.string(),
  evaluatedAt: Instant.nullable(),
  watchedSince: Instant.nullable(),
  lastStoryAt: Instant.nullable(),
  secondsSinceLastStory: z.number().int().nullable(),
  silenceThresholdSeconds: z.number().int().nullable().describe('Silent past this: its expectedCadence, else 4 mean gaps of its baseline, else one hour'),
  storiesPerHour: z.object({ lastHour: z.number().nullable(), baseline: z.number().nullable().describe('Mean of the previous complete hours (up to 24)') }),
  sequences: z.object({
    last: z.array(z.object({ series: z.string(), number: z.number().int(), at: Instant })).describe('The newest ANPA / IPTC 7901 sequence number per series'),
    missing: z.number().int(),
    gaps: z.array(z.object({ series: z.string(), missing: z.number().int(), listed: z.array(z.number().int()) })),
  }),
  parseFailures: z.object({ lastHour: z.number(), last: z.object({ at: Instant, reason: z.string() }).nullable() }),
});

export type ArticleViewT = z.infer<typeof ArticleView>;
export type VersionViewT = z.infer<typeof VersionView>;
export type DuplicateViewT = z.infer<typeof DuplicateView>;
export type SourceHealthViewT = z.infer<typeof SourceHealthViewSchema>;
export type EmbargoAuditEntryViewT = z.infer<typeof EmbargoAuditEntryView>;

/** Named schemas of the document's components. */
export const VIEW_SCHEMAS = { Article: ArticleView, ArticlePage, ArticleWithVersions, Version: VersionView, Duplicate: DuplicateView, Cluster: ClusterView, EmbargoAudit, Source: SourceViewSchema, SourceList, SourceHealth: SourceHealthViewSchema, Error: ErrorBody };
