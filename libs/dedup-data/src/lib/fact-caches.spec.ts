import type { Candidate } from '@newswire/dedup';
import { factCaches, fingerprintBytes } from './fact-caches';

const candidate = (i: number, shingles: number): Candidate => ({
  articleId: `a-${i}`,
  source: 'wire',
  uri: `urn:x:${i}`,
  at: i,
  bandKeys: Array.from({ length: 40 }, (_, b) => `${b}:${(i * 7919 + b).toString(16)}`),
  fingerprint: { signature: new Uint16Array(128), size: shingles, set: { hashes: new Uint32Array(shingles), bound: 0xffffffff } },
});

describe('the deduplicator caches are bounded by bytes, not only by count', () => {
  it('keeps the fingerprints of large articles within their share of the budget however many arrive', () => {
    const budget = 8 * 1024 * 1024;
    const caches = factCaches(budget, 100_000);
    for (let i = 0; i < 20_000; i++) caches.fingerprints.set(`a-${i}`, candidate(i, 800));
    expect(caches.fingerprints.calculatedSize).toBeLessThanOrEqual(budget * 0.6);
    // Most recent kept, oldest evicted.
    expect(caches.fingerprints.has('a-19999')).toBe(true);
    expect(caches.fingerprints.has('a-0')).toBe(false);
    // With a count bound only, all 20,000 would have stayed: about 70 MB here.
    expect(caches.fingerprints.size).toBeLessThan(20_000 / 10);
  });

  it('estimates a fingerprint by its shingle set and band keys', () => {
    const small = fingerprintBytes('k', candidate(1, 10));
    const large = fingerprintBytes('k', candidate(1, 3000));
    expect(large - small).toBe((3000 - 10) * 4);
  });

  it('keeps the count bound too', () => {
    const caches = factCaches(1024 * 1024 * 1024, 10);
    for (let i = 0; i < 50; i++) caches.verdicts.set(`v-${i}`, { status: 'unique', clusterId: `v-${i}`, method: 'none' } as never);
    expect(caches.verdicts.size).toBe(10);
  });
});
