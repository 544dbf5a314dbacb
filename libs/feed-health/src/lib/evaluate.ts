import type { SourceHealthStatus } from '@newswire/contracts';
import { chainGaps, type SeriesGaps, wrappingGaps } from './sequence-gaps';
import { HOUR_MS, hourOf, type Tally } from './tally';

/** The thresholds; every one has a default (README, "Feed health"). */
export interface HealthSettings {
  /** Complete hours before the last one that make a source's baseline. */
  baselineHours: number;
  /** Fewer complete hours of history than this: no baseline yet, so no off-baseline verdict and the default silence. */
  minBaselineHours: number;
  /** The last hour is off its baseline when below baseline / factor or above baseline * factor ... */
  offBaselineFactor: number;
  /** ... and the larger of the two is at least this many stories an hour (a quiet feed's noise is not news). */
  minVolumePerHour: number;
  /** Without an expectedCadence: silent after this many mean gaps of its baseline ... */
  silenceFactor: number;
  /** ... but never sooner than this ... */
  minSilenceSeconds: number;
  /** ... and after this when it has no baseline yet. */
  defaultSilenceSeconds: number;
  /** Parse failures in the last hour that make a source `failing`. */
  failureThreshold: number;
  /** Sequence numbers seen this recently are compared for gaps; older ones are forgotten. */
  gapWindowSeconds: number;
  /** A hole counts once the number after it is this old (messages overtaking each other are not lost). */
  gapGraceSeconds: number;
}

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  baselineHours: 24,
  minBaselineHours: 3,
  offBaselineFactor: 4,
  minVolumePerHour: 20,
  silenceFactor: 4,
  minSilenceSeconds: 300,
  defaultSilenceSeconds: 3600,
  failureThreshold: 5,
  gapWindowSeconds: 3600,
  gapGraceSeconds: 60,
};

/** What the monitor knows of a registered source. */
export interface WatchedSource {
  id: string;
  /** From the registry's `expectedCadence`; absent: derived from its baseline. */
  expectedCadenceSeconds?: number;
}

export interface GapReport extends SeriesGaps {
  series: string;
}

/** A source's health as judged at `evaluatedAt`: what the API shows and what the events say. */
export interface HealthVerdict {
  status: SourceHealthStatus;
  since: number;
  reason: string;
  evaluatedAt: number;
  trackedSince: number;
  lastSeenAt: number | null;
  storiesLastHour: number;
  baselinePerHour: number | null;
  silenceThresholdSeconds: number;
  parseFailuresLastHour: number;
  lastFailure: { at: number; reason: string } | null;
  /** The newest number of each sequence series. */
  lastSequences: { series: string; number: number; at: number }[];
  gaps: GapReport[];
  missingSequences: number;
}

/** A rolling hour from hourly buckets: this hour so far plus the unelapsed part of the one before. */
function lastHour(buckets: Map<number, number>, now: number): number {
  const current = hourOf(now);
  const elapsed = (now - current * HOUR_MS) / HOUR_MS;
  const value = (buckets.get(current) ?? 0) + (buckets.get(current - 1) ?? 0) * (1 - elapsed);
  return Math.round(value * 10) / 10;
}

/** Mean stories per complete hour before the last one, over the hours the source has been tracked. */
function baselineOf(stories: Map<number, number>, trackedSince: number, now: number, s: HealthSettings): number | null {
  const last = hourOf(now) - 2;
  const first = Math.max(last - s.baselineHours + 1, hourOf(trackedSince) + 1);
  const hours = last - first + 1;
  if (hours < s.minBaselineHours) return null;
  let sum = 0;
  for (let h = first; h <= last; h++) sum += stories.get(h) ?? 0;
  return Math.round((sum / hours) * 10) / 10;
}

const fmt = (seconds: number): string => {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
};

function silenceThreshold(source: WatchedSource, baseline: number | null, s: HealthSettings): { seconds: number; why: string } {
  if (source.expectedCadenceSeconds) return { seconds: source.expectedCadenceSeconds, why: `its expected cadence, ${fmt(source.expectedCadenceSeconds)}` };
  if (baseline && baseline > 0) {
    const seconds = Math.max(s.minSilenceSeconds, (s.silenceFactor * 3600) / baseline);
    return { seconds, why: `${s.silenceFactor} times its usual gap (${baseline}/h)` };
  }
  return { seconds: s.defaultSilenceSeconds, why: `the default without cadence or baseline, ${fmt(s.defaultSilenceSeconds)}` };
}

/** Only numbers seen within the gap window are compared. */
const recent = (seen: Map<number, number>, since: number) => new Map([...seen].filter(([, at]) => at >= since));

function gapsOf(tally: Tally, now: number, s: HealthSettings): GapReport[] {
  const settled = now - s.gapGraceSeconds * 1000;
  const since = now - s.gapWindowSeconds * 1000;
  const sequences = [...tally.sequences].map(([series, t]) => ({ series, ...wrappingGaps(recent(t.seen, since), t.wrapsAfter, settled) }));
  const chains = [...tally.chains.values()].map((seen) => chainGaps(recent(seen, since), settled));
  const chained = chains.reduce((sum, g) => ({ missing: sum.missing + g.missing, listed: [...sum.listed, ...g.listed].slice(0, 20) }), { missing: 0, listed: [] as number[] });
  return [...sequences, ...(chained.missing ? [{ series: 'newsml-g2 versions', ...chained }] : [])].filter((g) => g.missing > 0);
}

/** Status and reason, worst first: silence hides everything else, then failures, gaps and the rate. */
function judge(source: WatchedSource, v: Omit<HealthVerdict, 'status' | 'since' | 'reason' | 'silenceThresholdSeconds'>, now: number, s: HealthSettings) {
  const threshold = silenceThreshold(source, v.baselinePerHour, s);
  const quietFor = (now - (v.lastSeenAt ?? v.trackedSince)) / 1000;
  const base = { silenceThresholdSeconds: Math.round(threshold.seconds) };
  if (quietFor > threshold.seconds) {
    const what = v.lastSeenAt === null ? `no story since tracking began ${fmt(quietFor)} ago` : `no story for ${fmt(quietFor)}`;
    return { ...base, status: 'silent' as const, reason: `${what} (silent after ${threshold.why})` };
  }
  if (v.parseFailuresLastHour >= s.failureThreshold) {
    return { ...base, status: 'failing' as const, reason: `${v.parseFailuresLastHour} parse failures in the last hour (threshold ${s.failureThreshold})${v.lastFailure ? `; last: ${v.lastFailure.reason}` : ''}` };
  }
  if (v.missingSequences > 0) {
    const list = v.gaps.map((g) => `${g.series}: ${g.listed.join(', ')}${g.missing > g.listed.length ? ', ...' : ''}`).join('; ');
    return { ...base, status: 'gaps' as const, reason: `${v.missingSequences} sequence number(s) missing (${list})` };
  }
  const baseline = v.baselinePerHour;
  if (baseline !== null && Math.max(baseline, v.storiesLastHour) >= s.minVolumePerHour) {
    if (v.storiesLastHour < baseline / s.offBaselineFactor || v.storiesLastHour > baseline * s.offBaselineFactor) {
      return { ...base, status: 'off-baseline' as const, reason: `${v.storiesLastHour} stories in the last hour against a baseline of ${baseline}/h` };
    }
  }
  return { ...base, status: 'ok' as const, reason: 'stories arriving at the usual rate' };
}

/**
 * Judges one source from its counters. `previous` keeps `since` while the
 * status holds. Pure: the clock is `now`.
 */
export function evaluate(source: WatchedSource, tally: Tally, trackedSince: number, previous: HealthVerdict | undefined, now: number, s: HealthSettings = DEFAULT_HEALTH_SETTINGS): HealthVerdict {
  const gaps = gapsOf(tally, now, s);
  const facts = {
    evaluatedAt: now,
    trackedSince,
    lastSeenAt: tally.lastSeenAt ?? null,
    storiesLastHour: lastHour(tally.stories, now),
    baselinePerHour: baselineOf(tally.stories, trackedSince, now, s),
    parseFailuresLastHour: lastHour(tally.failures, now),
    lastFailure: tally.lastFailure ?? null,
    lastSequences: [...tally.sequences].filter(([, t]) => t.seen.size > 0).map(([series, t]) => {
      const [number, at] = [...t.seen].reduce((a, b) => (b[1] > a[1] || (b[1] === a[1] && b[0] > a[0]) ? b : a));
      return { series, number, at };
    }),
    gaps,
    missingSequences: gaps.reduce((n, g) => n + g.missing, 0),
  };
  const judged = judge(source, facts, now, s);
  const since = previous && previous.status === judged.status ? previous.since : now;
  return { ...facts, ...judged, since };
}

/**
 * Whether a change of status is news: every change is, except a source's
 * first verdict being `ok` (nothing to tell anyone at start-up).
 */
export function isTransition(previous: HealthVerdict | undefined, next: HealthVerdict): boolean {
  const before = previous?.status ?? 'unknown';
  return before !== next.status && !(before === 'unknown' && next.status === 'ok');
}

/** What may be forgotten: hourly buckets older than the baseline, sequence numbers older than the gap window. */
export function retentionOf(now: number, s: HealthSettings = DEFAULT_HEALTH_SETTINGS): { oldestHour: number; oldestSeenAt: number } {
  return { oldestHour: hourOf(now) - s.baselineHours - 2, oldestSeenAt: now - s.gapWindowSeconds * 1000 };
}
