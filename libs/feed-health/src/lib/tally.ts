import { createHash } from 'node:crypto';

export const HOUR_MS = 3_600_000;
/** Hours since the epoch: the key of an hourly bucket. */
export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS);

export interface SequenceTally {
  wrapsAfter: number;
  /** number -> when it last arrived (ms). */
  seen: Map<number, number>;
}

/**
 * What was counted for one source: by the intake for one chunk of records
 * (an increment), or everything the store holds (the counters). The same
 * shape both ways, so adding a chunk is merging two tallies.
 */
export interface Tally {
  /** Stories per hour (epoch hour -> count). */
  stories: Map<number, number>;
  /** Parse failures (dead letters) per hour. */
  failures: Map<number, number>;
  lastSeenAt?: number;
  lastFailure?: { at: number; reason: string };
  /** ANPA / IPTC 7901 transmission sequences, by series. */
  sequences: Map<string, SequenceTally>;
  /** NewsML-G2 version chains: item key -> version -> when (ms). */
  chains: Map<string, Map<number, number>>;
}

export const emptyTally = (): Tally => ({ stories: new Map(), failures: new Map(), sequences: new Map(), chains: new Map() });

export interface StoryObservation {
  sourceId: string;
  at: number;
  sequence?: { series: string; number: number; wrapsAfter: number };
  chain?: { key: string; version: number };
}

export interface FailureObservation {
  sourceId: string;
  at: number;
  reason: string;
}

const SOURCE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
type Loose = Record<string, unknown> | undefined;
const asObject = (v: unknown): Loose => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const asCount = (v: unknown): number | undefined => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : undefined);

/** A short, field-name-safe key for an item's uri (uris hold dots and dollars). */
export const chainKeyOf = (uri: string): string => createHash('sha1').update(uri).digest('hex').slice(0, 16);

/**
 * What a received article says about its source's feed, read leniently (the
 * monitor watches, it does not validate): its source, when it was accepted,
 * its transmission sequence, and for NewsML-G2 its item and version.
 */
export function storyObservationOf(value: unknown): StoryObservation | undefined {
  const article = asObject(value);
  const source = asObject(article?.['source']);
  const sourceId = source?.['id'];
  const at = Date.parse(String(source?.['receivedAt'] ?? ''));
  if (typeof sourceId !== 'string' || !SOURCE_ID.test(sourceId) || Number.isNaN(at)) return undefined;
  const seq = asObject(source?.['sequence']);
  const number = asCount(seq?.['number']);
  const wrapsAfter = asCount(seq?.['wrapsAfter']);
  const series = seq?.['series'];
  const version = asCount(article?.['version']);
  const uri = article?.['uri'];
  return {
    sourceId,
    at,
    ...(number !== undefined && wrapsAfter && typeof series === 'string' && /^[a-z0-9]{1,32}$/.test(series) ? { sequence: { series, number, wrapsAfter } } : {}),
    ...(source?.['format'] === 'newsml-g2' && version !== undefined && typeof uri === 'string' ? { chain: { key: chainKeyOf(uri), version } } : {}),
  };
}

/** A dead letter of the received topic, charged to the source named in its value or its key (`<source>|<uri>`). */
export function failureObservationOf(key: string | undefined, value: unknown, reason: string | undefined, at: number): FailureObservation | undefined {
  const fromValue = asObject(asObject(value)?.['source'])?.['id'];
  const fromKey = key?.includes('|') ? key.slice(0, key.indexOf('|')) : undefined;
  const sourceId = typeof fromValue === 'string' && SOURCE_ID.test(fromValue) ? fromValue : fromKey;
  if (!sourceId || !SOURCE_ID.test(sourceId)) return undefined;
  return { sourceId, at, reason: (reason ?? 'dead-lettered').slice(0, 500) };
}

const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const later = (map: Map<number, number>, key: number, at: number) => map.set(key, Math.max(map.get(key) ?? 0, at));

/** One tally per source for a chunk of observations. */
export function tallyOf(stories: StoryObservation[], failures: FailureObservation[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  const of = (id: string) => out.get(id) ?? out.set(id, emptyTally()).get(id)!;
  for (const s of stories) {
    const t = of(s.sourceId);
    bump(t.stories, hourOf(s.at));
    t.lastSeenAt = Math.max(t.lastSeenAt ?? 0, s.at);
    if (s.sequence) {
      const series = t.sequences.get(s.sequence.series) ?? t.sequences.set(s.sequence.series, { wrapsAfter: s.sequence.wrapsAfter, seen: new Map() }).get(s.sequence.series)!;
      later(series.seen, s.sequence.number, s.at);
    }
    if (s.chain) later(t.chains.get(s.chain.key) ?? t.chains.set(s.chain.key, new Map()).get(s.chain.key)!, s.chain.version, s.at);
  }
  for (const f of failures) {
    const t = of(f.sourceId);
    bump(t.failures, hourOf(f.at));
    if (!t.lastFailure || f.at >= t.lastFailure.at) t.lastFailure = { at: f.at, reason: f.reason };
  }
  return out;
}

/** Adds `more` into `into` (what the store's `$inc` / `$max` / `$set` do to a stored tally). */
export function mergeTally(into: Tally, more: Tally): Tally {
  for (const [h, n] of more.stories) bump(into.stories, h, n);
  for (const [h, n] of more.failures) bump(into.failures, h, n);
  if (more.lastSeenAt !== undefined) into.lastSeenAt = Math.max(into.lastSeenAt ?? 0, more.lastSeenAt);
  if (more.lastFailure && (!into.lastFailure || more.lastFailure.at >= into.lastFailure.at)) into.lastFailure = more.lastFailure;
  for (const [series, t] of more.sequences) {
    const target = into.sequences.get(series) ?? into.sequences.set(series, { wrapsAfter: t.wrapsAfter, seen: new Map() }).get(series)!;
    for (const [n, at] of t.seen) later(target.seen, n, at);
  }
  for (const [key, seen] of more.chains) {
    const target = into.chains.get(key) ?? into.chains.set(key, new Map()).get(key)!;
    for (const [v, at] of seen) later(target, v, at);
  }
  return into;
}
