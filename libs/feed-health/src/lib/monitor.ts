import type { SourceHealthChanged } from '@newswire/contracts';
import { DEFAULT_HEALTH_SETTINGS, evaluate, type HealthSettings, type HealthVerdict, isTransition, type WatchedSource } from './evaluate';
import { emptyTally, type Tally } from './tally';

/** One source's stored state: its counters, since when it is watched, and its last verdict. */
export interface SourceHealthRecord {
  sourceId: string;
  tally: Tally;
  trackedSince?: number;
  verdict?: HealthVerdict;
}

/** Where counters and verdicts live (the `source_health` collection). */
export interface HealthStorePort {
  load(sourceIds: string[]): Promise<Map<string, SourceHealthRecord>>;
  /** Stores each verdict (and forgets counters older than `now` needs); a source seen for the first time is tracked from its verdict's trackedSince. */
  saveVerdicts(verdicts: Map<string, HealthVerdict>, now: number): Promise<void>;
}

/** Where transitions are announced (the health topic). */
export interface HealthEventsPort {
  publish(events: SourceHealthChanged[]): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function eventOf(sourceId: string, previous: HealthVerdict | undefined, verdict: HealthVerdict): SourceHealthChanged {
  return {
    sourceId,
    status: verdict.status,
    previousStatus: previous?.status ?? 'unknown',
    since: iso(verdict.since),
    reason: verdict.reason,
    lastSeenAt: verdict.lastSeenAt === null ? null : iso(verdict.lastSeenAt),
    storiesLastHour: verdict.storiesLastHour,
    baselinePerHour: verdict.baselinePerHour,
    missingSequences: verdict.missingSequences,
    parseFailuresLastHour: verdict.parseFailuresLastHour,
  };
}

/**
 * One evaluation of every watched source: judge each from its counters,
 * announce the changes, then store the verdicts. Announced first, so a
 * crash in between repeats an event rather than losing it (subscribers see
 * a change at least once). One instance runs it at a time (the app's lease).
 */
export async function evaluateSources(
  sources: readonly WatchedSource[],
  store: HealthStorePort,
  events: HealthEventsPort,
  now: number,
  settings: HealthSettings = DEFAULT_HEALTH_SETTINGS,
): Promise<{ verdicts: Map<string, HealthVerdict>; events: SourceHealthChanged[] }> {
  const records = await store.load(sources.map((s) => s.id));
  const verdicts = new Map<string, HealthVerdict>();
  const changes: SourceHealthChanged[] = [];
  for (const source of sources) {
    const record = records.get(source.id);
    const tally = record?.tally ?? emptyTally();
    const verdict = evaluate(source, tally, record?.trackedSince ?? now, record?.verdict, now, settings);
    verdicts.set(source.id, verdict);
    if (isTransition(record?.verdict, verdict)) changes.push(eventOf(source.id, record?.verdict, verdict));
  }
  if (changes.length > 0) await events.publish(changes);
  await store.saveVerdicts(verdicts, now);
  return { verdicts, events: changes };
}
