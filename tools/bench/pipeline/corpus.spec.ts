import { sentencePool } from '../../faults/harness/stories';
import { buildCorpus, nearCopyOf } from './corpus';
import { cpuLimit, percentile, percentiles } from './stats';

interface Body {
  uri: string;
  headline: string;
  bodyText: string;
}

describe('the pipeline benchmark corpus', () => {
  const pool = sentencePool();
  const stories = buildCorpus(pool, { count: 400, exactShare: 0.1, nearShare: 0.15, seed: 7, uriPrefix: 'urn:bench:t', provider: 'Bench Wire' });
  const bodies = new Map(stories.map((s) => [s.uri, JSON.parse(s.body) as Body]));

  it('makes 3-5 KB articles with distinct uris', () => {
    expect(stories).toHaveLength(400);
    expect(new Set(stories.map((s) => s.uri)).size).toBe(400);
    for (const s of stories) {
      expect(s.textBytes).toBe(Buffer.byteLength(bodies.get(s.uri)?.bodyText ?? '', 'utf8'));
      expect(s.textBytes).toBeGreaterThanOrEqual(3000);
      expect(s.textBytes).toBeLessThanOrEqual(5000);
    }
  });

  it('re-sends the requested shares of distinct originals, each after its original', () => {
    const count = (kind: string) => stories.filter((s) => s.kind === kind).length;
    expect([count('original'), count('exact'), count('near')]).toEqual([300, 40, 60]);
    const position = new Map(stories.map((s, i) => [s.uri, i]));
    const copied = stories.filter((s) => s.copyOf).map((s) => s.copyOf as string);
    expect(new Set(copied).size).toBe(copied.length);
    for (const s of stories.filter((x) => x.copyOf)) {
      const original = bodies.get(s.copyOf as string) as Body;
      const copy = bodies.get(s.uri) as Body;
      expect(position.get(s.uri)).toBeGreaterThan(position.get(s.copyOf as string) as number);
      expect(stories[position.get(s.copyOf as string) as number].kind).toBe('original');
      expect(copy.headline).toBe(original.headline);
      if (s.kind === 'exact') expect(copy.bodyText).toBe(original.bodyText);
      else {
        const a = original.bodyText.split(' ');
        const b = copy.bodyText.split(' ');
        expect(b).toHaveLength(a.length);
        const changed = a.filter((w, i) => w !== b[i]).length;
        expect(changed).toBeGreaterThanOrEqual(1);
        expect(changed).toBeLessThanOrEqual(4);
      }
    }
  });

  it('gives every original a text of its own', () => {
    const originals = stories.filter((s) => s.kind === 'original').map((s) => bodies.get(s.uri)?.bodyText ?? '');
    expect(new Set(originals).size).toBe(originals.length);
  });

  it('is the same for the same seed, different for another', () => {
    const again = buildCorpus(pool, { count: 50, exactShare: 0.1, nearShare: 0.1, seed: 7, uriPrefix: 'u', provider: 'p' });
    const same = buildCorpus(pool, { count: 50, exactShare: 0.1, nearShare: 0.1, seed: 7, uriPrefix: 'u', provider: 'p' });
    const other = buildCorpus(pool, { count: 50, exactShare: 0.1, nearShare: 0.1, seed: 8, uriPrefix: 'u', provider: 'p' });
    expect(same.map((s) => s.body)).toEqual(again.map((s) => s.body));
    expect(other.map((s) => s.body)).not.toEqual(again.map((s) => s.body));
  });

  it('keeps paragraph breaks and punctuation in a near copy', () => {
    let i = 0;
    const next = () => [0.1, 0.5, 0.9, 0.3][i++ % 4];
    const text = 'One two three.\n\nFour five, six seven eight.';
    const copy = nearCopyOf(text, 2, next);
    expect(copy.split('\n\n')).toHaveLength(2);
    expect(copy).not.toBe(text);
    expect(copy.match(/[.,]/g)).toEqual(text.match(/[.,]/g));
  });
});

describe('the benchmark arithmetic', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99), percentile(sorted, 1)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
    expect(percentiles([30, 10, 20])).toEqual({ n: 3, p50: 20, p95: 30, p99: 30, max: 30 });
  });

  it('turns CPU ms per article into the articles/s the cores could carry', () => {
    // 2 cores, 4 ms + 6 ms per article: 2000 ms of CPU per second / 10 ms = 200 articles/s.
    expect(cpuLimit(2, [4, 6])).toBe(200);
    expect(cpuLimit(2, [])).toBe(Number.POSITIVE_INFINITY);
  });
});
