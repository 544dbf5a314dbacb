import { SpanIndex } from './span-index';

/** A fixed-seed generator, so a failure names the same spans again. */
function spansFrom(seed: number, count: number): { start: number; end: number }[] {
  let x = seed;
  const next = (n: number) => ((x = (x * 1103515245 + 12345) & 0x7fffffff) % n);
  return Array.from({ length: count }, () => {
    const start = next(400);
    return { start, end: start + next(30) };
  });
}

describe('SpanIndex', () => {
  it('finds, in the list order, the same span a scan of every pair finds, for overlap and containment tests', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const spans = spansFrom(seed, 1 + (seed % 13) * 9);
      const index = new SpanIndex(spans);
      for (const probe of spansFrom(seed + 1000, 60)) {
        const overlaps = (k: number) => spans[k].start < probe.end && probe.start < spans[k].end;
        const contains = (k: number) => spans[k].start <= probe.start && probe.end <= spans[k].end;
        const all = spans.map((_, k) => k);
        expect(index.find(probe.start, probe.end, overlaps)).toBe(all.find(overlaps));
        expect(index.find(probe.start, probe.end, contains)).toBe(all.find(contains));
        expect(index.some(probe.start, probe.end, overlaps)).toBe(all.some(overlaps));
      }
    }
  });

  it('returns the positions near a span in ascending order, none that starts after it or too far before it to reach it', () => {
    const index = new SpanIndex([
      { start: 50, end: 55 },
      { start: 0, end: 4 },
      { start: 10, end: 20 },
      { start: 12, end: 14 },
    ]);
    expect(index.near(12, 13)).toEqual([2, 3]);
    expect(index.near(0, 3)).toEqual([1]);
    expect(index.near(66, 70)).toEqual([]);
    expect(new SpanIndex([]).near(0, 10)).toEqual([]);
  });
});
