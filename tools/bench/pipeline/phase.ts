/**
 * One measured phase: stories posted over HTTP (as fast as accepted, or at a
 * fixed rate), then a wait until every accepted story has its stored event;
 * what the processes cost meanwhile, and each story's ingest-to-stored time.
 */
import { Traffic } from '../../faults/harness/traffic';
import type { BenchStory, StoryKind } from './corpus';
import type { ProcessMeter, ProcessUsage } from './process-meter';
import { type Percentiles, percentiles } from './stats';
import type { StoredWatch } from './stored-watch';

export interface PhaseResult {
  name: string;
  sent: number;
  accepted: number;
  /** Accepted stories with a stored event. */
  stored: number;
  /** From the first request to the last story's stored time. */
  seconds: number;
  storedPerSecond: number;
  /** Stories per second offered (fixed-rate phases). */
  offeredRate?: number;
  /** HTTP side: stories accepted per second while the traffic ran, and 503s. */
  acceptedPerSecond: number;
  status503: number;
  /** Ingest-to-stored, ms. */
  latency: Percentiles;
  usage: ProcessUsage[];
  /** Accepted ids never seen stored (after the stall bound). */
  missing: string[];
  /** Stored events seen more than once for one article (at-least-once delivery). */
  repeatedEvents: number;
  /** `<kind>:<status>` -> count, e.g. `exact:duplicate-recorded`. */
  outcomes: Record<string, number>;
  /** Re-sent pairs where either copy was recorded as a duplicate, per kind of copy. */
  pairsFound: Record<'exact' | 'near', { found: number; of: number }>;
  /** Article ids accepted, per story uri (for the archive check). */
  idsByUri: Map<string, string[]>;
}

export interface PhaseOptions {
  name: string;
  url: string;
  stories: BenchStory[];
  concurrency: number;
  ratePerSecond?: number;
  watch: StoredWatch;
  meter: ProcessMeter;
  /** Give up waiting for stored events after this long without one. */
  stallMs: number;
  log: (text: string) => void;
}

export async function runPhase(o: PhaseOptions): Promise<PhaseResult> {
  o.meter.start();
  const repeatedBefore = o.watch.repeated;
  const started = Date.now();
  o.log(`${o.name}: posting ${o.stories.length} stories (${o.ratePerSecond ? `${o.ratePerSecond.toFixed(0)}/s` : `${o.concurrency} at a time`})`);
  const traffic = new Traffic(() => o.url, {
    stories: o.stories,
    concurrency: o.concurrency,
    ratePerSecond: o.ratePerSecond,
    requestTimeoutMs: 60_000,
    deadlineMs: 300_000,
  }).start();
  await traffic.finish();
  const t = traffic.stats();
  const idsByUri = new Map([...traffic.outcomes.values()].filter((x) => x.acceptedIds.length).map((x) => [x.uri, x.acceptedIds]));
  const ids = [...idsByUri.values()].flat();
  o.log(`${o.name}: ${t.accepted} accepted in ${(t.durationMs / 1000).toFixed(1)} s; waiting for their stored events`);
  const { missing } = await o.watch.waitFor(ids, o.stallMs);
  const usage = o.meter.read();
  const events = ids.flatMap((id) => o.watch.events.get(id) ?? []);
  const lastStored = events.reduce((last, e) => Math.max(last, e.storedAt), started);
  const seconds = (lastStored - started) / 1000;

  const byUri = new Map(o.stories.map((s) => [s.uri, s]));
  const statusOf = (uri: string) => o.watch.events.get(idsByUri.get(uri)?.[0] ?? '')?.status;
  const outcomes: Record<string, number> = {};
  for (const [uri] of idsByUri) {
    const key = `${byUri.get(uri)?.kind ?? '?'}:${statusOf(uri) ?? 'missing'}`;
    outcomes[key] = (outcomes[key] ?? 0) + 1;
  }
  const pairsFound = { exact: { found: 0, of: 0 }, near: { found: 0, of: 0 } };
  for (const s of o.stories) {
    if (s.kind === 'original' || !s.copyOf) continue;
    const pair = pairsFound[s.kind as Exclude<StoryKind, 'original'>];
    pair.of += 1;
    if ([statusOf(s.uri), statusOf(s.copyOf)].includes('duplicate-recorded')) pair.found += 1;
  }
  return {
    name: o.name,
    sent: t.sent,
    accepted: t.accepted,
    stored: events.length,
    seconds,
    storedPerSecond: seconds > 0 ? events.length / seconds : 0,
    offeredRate: o.ratePerSecond,
    acceptedPerSecond: t.durationMs > 0 ? t.accepted / (t.durationMs / 1000) : 0,
    status503: t.status503,
    latency: percentiles(events.flatMap((e) => (e.ingestedAt === undefined ? [] : [e.storedAt - e.ingestedAt]))),
    usage,
    missing,
    repeatedEvents: o.watch.repeated - repeatedBefore,
    outcomes,
    pairsFound,
    idsByUri,
  };
}
