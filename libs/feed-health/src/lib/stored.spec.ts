import { expiredPaths, sourceHealthView, type SourceHealthDoc, tallyOfDoc } from './stored';

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const H = T0 / 3_600_000;

const doc: SourceHealthDoc = {
  _id: 'ap',
  trackedSince: new Date(T0 - 30 * 3_600_000),
  lastSeenAt: new Date(T0 - 60_000),
  stories: { [`h${H}`]: 4, [`h${H - 30}`]: 9, junk: 3 },
  failures: { [`h${H - 1}`]: 2 },
  sequences: { a: { wrapsAfter: 9999, seen: { n412: T0 - 60_000, n17: T0 - 2 * 3_600_000 } } },
  chains: { abc: { v1: T0 - 2 * 3_600_000 }, def: { v1: T0 - 2 * 3_600_000, v2: T0 - 60_000 } },
};

describe('the stored form of a source’s health', () => {
  it('reads its prefixed counters back into a tally, ignoring keys it did not write', () => {
    const tally = tallyOfDoc(doc);
    expect([...tally.stories]).toEqual([
      [H, 4],
      [H - 30, 9],
    ]);
    expect(tally.sequences.get('a')).toEqual({ wrapsAfter: 9999, seen: new Map([[17, T0 - 2 * 3_600_000], [412, T0 - 60_000]]) });
    expect(tally.lastSeenAt).toBe(T0 - 60_000);
  });

  it('names the counters old enough to forget: hours past the baseline, numbers past the gap window, whole stale chains', () => {
    expect(expiredPaths(doc, H - 26, T0 - 3_600_000).sort()).toEqual(['chains.abc', 'chains.def.v1', 'sequences.a.seen.n17', `stories.h${H - 30}`].sort());
  });

  it('answers unknown for a source with no verdict yet', () => {
    expect(sourceHealthView('ap', null, T0)).toMatchObject({ sourceId: 'ap', status: 'unknown', since: null, lastStoryAt: null, secondsSinceLastStory: null, sequences: { missing: 0, gaps: [] } });
    expect(sourceHealthView('ap', doc, T0)).toMatchObject({ status: 'unknown', lastStoryAt: new Date(T0 - 60_000).toISOString(), secondsSinceLastStory: 60 });
  });
});
