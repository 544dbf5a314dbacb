import type { SourceHealthStatus } from '@newswire/contracts';
import type { HealthVerdict } from './evaluate';
import type { SourceHealthRecord } from './monitor';
import { emptyTally, type Tally } from './tally';

/** One document per source, `_id` = source id (FerretDB indexes nothing else). */
export const SOURCE_HEALTH_COLLECTION = 'source_health';

/**
 * The stored form. Counters are maps of prefixed keys (`h<epoch hour>`,
 * `n<number>`, `v<version>`) so the intake can `$inc` / `$max` single fields
 * from several instances at once without reading first.
 */
export interface SourceHealthDoc {
  _id: string;
  trackedSince?: Date;
  lastSeenAt?: Date;
  stories?: Record<string, number>;
  failures?: Record<string, number>;
  lastFailure?: { at: Date; reason: string };
  sequences?: Record<string, { wrapsAfter?: number; seen?: Record<string, number> }>;
  chains?: Record<string, Record<string, number>>;
  verdict?: HealthVerdict;
}

const numbered = (record: Record<string, number> | undefined, prefix: string): Map<number, number> =>
  new Map(
    Object.entries(record ?? {})
      .filter(([k, v]) => k.startsWith(prefix) && typeof v === 'number')
      .map(([k, v]) => [Number(k.slice(prefix.length)), v] as [number, number])
      .filter(([k]) => Number.isSafeInteger(k)),
  );

export function tallyOfDoc(doc: SourceHealthDoc): Tally {
  const tally = emptyTally();
  tally.stories = numbered(doc.stories, 'h');
  tally.failures = numbered(doc.failures, 'h');
  if (doc.lastSeenAt) tally.lastSeenAt = doc.lastSeenAt.getTime();
  if (doc.lastFailure) tally.lastFailure = { at: doc.lastFailure.at.getTime(), reason: doc.lastFailure.reason };
  for (const [series, s] of Object.entries(doc.sequences ?? {})) {
    if (s.wrapsAfter) tally.sequences.set(series, { wrapsAfter: s.wrapsAfter, seen: numbered(s.seen, 'n') });
  }
  for (const [key, versions] of Object.entries(doc.chains ?? {})) tally.chains.set(key, numbered(versions, 'v'));
  return tally;
}

export function recordOfDoc(doc: SourceHealthDoc): SourceHealthRecord {
  return {
    sourceId: doc._id,
    tally: tallyOfDoc(doc),
    ...(doc.trackedSince ? { trackedSince: doc.trackedSince.getTime() } : {}),
    ...(doc.verdict ? { verdict: doc.verdict } : {}),
  };
}

/** Field paths of counters older than what evaluation still reads (`$unset` by the evaluator). */
export function expiredPaths(doc: SourceHealthDoc, oldestHour: number, oldestSeenAt: number): string[] {
  const old = (path: string, prefix: string, record: Record<string, number> | undefined, isOld: (k: number, v: number) => boolean) =>
    [...numbered(record, prefix)].filter(([k, v]) => isOld(k, v)).map(([k]) => `${path}.${prefix}${k}`);
  const hourOld = (h: number) => h < oldestHour;
  const seenOld = (_k: number, at: number) => at < oldestSeenAt;
  return [
    ...old('stories', 'h', doc.stories, hourOld),
    ...old('failures', 'h', doc.failures, hourOld),
    ...Object.entries(doc.sequences ?? {}).flatMap(([series, s]) => old(`sequences.${series}.seen`, 'n', s.seen, seenOld)),
    // A chain whose every version is old goes whole.
    ...Object.entries(doc.chains ?? {}).flatMap(([key, versions]) => (Object.values(versions).every((at) => at < oldestSeenAt) ? [`chains.${key}`] : old(`chains.${key}`, 'v', versions, seenOld))),
  ];
}

const isoOrNull = (ms: number | null | undefined) => (typeof ms === 'number' ? new Date(ms).toISOString() : null);

/** What `GET /v1/sources/:id/health` answers for a registered source (`doc` null: never seen nor evaluated). */
export function sourceHealthView(sourceId: string, doc: SourceHealthDoc | null, now: number) {
  const v = doc?.verdict;
  const lastSeenAt = v?.lastSeenAt ?? doc?.lastSeenAt?.getTime() ?? null;
  return {
    sourceId,
    status: (v?.status ?? 'unknown') as SourceHealthStatus,
    since: isoOrNull(v?.since),
    reason: v?.reason ?? 'not evaluated yet',
    evaluatedAt: isoOrNull(v?.evaluatedAt),
    watchedSince: isoOrNull(v?.trackedSince ?? doc?.trackedSince?.getTime()),
    lastStoryAt: isoOrNull(lastSeenAt),
    secondsSinceLastStory: lastSeenAt === null ? null : Math.max(0, Math.round((now - lastSeenAt) / 1000)),
    silenceThresholdSeconds: v?.silenceThresholdSeconds ?? null,
    storiesPerHour: { lastHour: v?.storiesLastHour ?? null, baseline: v?.baselinePerHour ?? null },
    sequences: {
      last: (v?.lastSequences ?? []).map((s) => ({ series: s.series, number: s.number, at: new Date(s.at).toISOString() })),
      missing: v?.missingSequences ?? 0,
      gaps: (v?.gaps ?? []).map((g) => ({ series: g.series, missing: g.missing, listed: g.listed })),
    },
    parseFailures: {
      lastHour: v?.parseFailuresLastHour ?? 0,
      last: v?.lastFailure ? { at: new Date(v.lastFailure.at).toISOString(), reason: v.lastFailure.reason } : null,
    },
  };
}

export type SourceHealthView = ReturnType<typeof sourceHealthView>;
