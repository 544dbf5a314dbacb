import type { SourceHealthChanged } from '@newswire/contracts';
import type { HealthVerdict } from './evaluate';
import { evaluateSources, type HealthEventsPort, type HealthStorePort, type SourceHealthRecord } from './monitor';
import { emptyTally, failureObservationOf, mergeTally, storyObservationOf, tallyOf } from './tally';

/** The store as a map; `record` is what the intake's bulk upserts do. */
class MemoryStore implements HealthStorePort {
  readonly records = new Map<string, SourceHealthRecord>();

  record(values: unknown[], deadLetters: { key: string; value: unknown }[] = [], now = 0): void {
    const stories = values.map(storyObservationOf).filter((o) => o !== undefined);
    const failures = deadLetters.map((d) => failureObservationOf(d.key, d.value, 'invalid', now)).filter((o) => o !== undefined);
    for (const [id, tally] of tallyOf(stories, failures)) {
      const record = this.records.get(id) ?? { sourceId: id, tally: emptyTally() };
      record.trackedSince ??= now;
      mergeTally(record.tally, tally);
      this.records.set(id, record);
    }
  }

  async load(ids: string[]) {
    return new Map(ids.flatMap((id) => (this.records.has(id) ? [[id, structuredClone(this.records.get(id)!)] as const] : [])));
  }

  async saveVerdicts(verdicts: Map<string, HealthVerdict>) {
    for (const [id, verdict] of verdicts) {
      const record = this.records.get(id) ?? { sourceId: id, tally: emptyTally() };
      record.trackedSince ??= verdict.trackedSince;
      this.records.set(id, { ...record, verdict });
    }
  }
}

class MemoryEvents implements HealthEventsPort {
  readonly published: SourceHealthChanged[] = [];
  async publish(events: SourceHealthChanged[]) {
    this.published.push(...events);
  }
}

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const story = (source: string, at: number, extra: Record<string, unknown> = {}) => ({ uri: `urn:${at}`, source: { id: source, format: 'anpa-1312', receivedAt: new Date(at).toISOString(), ...extra } });

describe('evaluateSources (one tick of the monitor, over in-memory ports and a fixed clock)', () => {
  const sources = [{ id: 'wire', expectedCadenceSeconds: 2 }, { id: 'other', expectedCadenceSeconds: 3600 }];

  it('announces a source going silent once, however many ticks it stays silent, and its return once', async () => {
    const store = new MemoryStore();
    const events = new MemoryEvents();
    store.record([story('wire', T0), story('other', T0)], [], T0);
    for (let t = T0; t <= T0 + 10_000; t += 500) await evaluateSources(sources, store, events, t);
    expect(events.published.map((e) => [e.sourceId, e.previousStatus, e.status])).toEqual([['wire', 'ok', 'silent']]);
    expect(events.published[0]).toMatchObject({ since: new Date(T0 + 2_500).toISOString(), lastSeenAt: new Date(T0).toISOString(), storiesLastHour: 1 });
    expect(store.records.get('wire')!.verdict).toMatchObject({ status: 'silent', since: T0 + 2_500 });

    store.record([story('wire', T0 + 10_200)], [], T0 + 10_200);
    for (let t = T0 + 10_500; t <= T0 + 11_500; t += 500) await evaluateSources(sources, store, events, t);
    expect(events.published.map((e) => [e.sourceId, e.previousStatus, e.status])).toEqual([
      ['wire', 'ok', 'silent'],
      ['wire', 'silent', 'ok'],
    ]);
  });

  it('tracks a registered source never heard from, and charges dead letters to the source in their key', async () => {
    const store = new MemoryStore();
    const events = new MemoryEvents();
    const letters = Array.from({ length: 5 }, (_, i) => ({ key: `other|urn:${i}`, value: 'not json' }));
    store.record([story('other', T0)], letters, T0);
    await evaluateSources(sources, store, events, T0);
    await evaluateSources(sources, store, events, T0 + 3_000);
    expect(events.published.map((e) => [e.sourceId, e.status])).toEqual([
      ['other', 'failing'],
      ['wire', 'silent'],
    ]);
    expect(events.published[0]).toMatchObject({ parseFailuresLastHour: 5 });
  });

  it('reads sequence numbers and NewsML-G2 version chains from received articles', () => {
    const anpa = storyObservationOf(story('ap', T0, { sequence: { series: 'a', number: 412, wrapsAfter: 9999 } }));
    expect(anpa).toMatchObject({ sourceId: 'ap', at: T0, sequence: { series: 'a', number: 412, wrapsAfter: 9999 } });
    const g2 = storyObservationOf({ uri: 'urn:newsml:x:1', version: 3, source: { id: 'g2', format: 'newsml-g2', receivedAt: new Date(T0).toISOString() } });
    expect(g2?.chain).toEqual({ key: expect.stringMatching(/^[0-9a-f]{16}$/), version: 3 });
    expect(storyObservationOf({ source: { receivedAt: 'x' } })).toBeUndefined();
    expect(storyObservationOf('garbage')).toBeUndefined();
  });
});
