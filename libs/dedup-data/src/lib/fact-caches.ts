import { LRUCache } from 'lru-cache';
import type { DedupVerdict } from '@newswire/contracts';
import type { BandClaim, Candidate, ContentClaimant } from '@newswire/dedup';

/**
 * The deduplicator's caches of write-once facts, bounded by an estimate of
 * the bytes they hold rather than by a count: a fingerprint carries the
 * article's shingle set (kilobytes), a band claim a few dozen bytes, so a
 * count that is harmless for one is hundreds of megabytes for the other
 * once the archive is large. The budget is split by how much each fact saves
 * (a cached fingerprint saves the largest read).
 */
export interface FactCaches {
  verdicts: LRUCache<string, DedupVerdict>;
  content: LRUCache<string, ContentClaimant>;
  fingerprints: LRUCache<string, Candidate>;
  /** Each key's holders, owner first. */
  bands: LRUCache<string, BandClaim[]>;
}

/** Per-entry overhead of a JS object, its map slot and LRU links (measured order of magnitude, not exact). */
const ENTRY_OVERHEAD = 160;
const stringBytes = (s: string | undefined) => (s ? 2 * s.length : 0);

export function fingerprintBytes(key: string, c: Candidate): number {
  const f = c.fingerprint;
  return ENTRY_OVERHEAD + stringBytes(key) + f.signature.byteLength + (f.set?.hashes.byteLength ?? 0) + c.bandKeys.reduce((n, k) => n + 48 + stringBytes(k), 0) + stringBytes(c.articleId) + stringBytes(c.source) + stringBytes(c.uri);
}

export function bandBytes(key: string, holders: readonly BandClaim[]): number {
  return ENTRY_OVERHEAD + stringBytes(key) + holders.reduce((n, b) => n + 48 + stringBytes(b.articleId) + stringBytes(b.clusterId), 0);
}

export function contentBytes(key: string, c: ContentClaimant): number {
  return ENTRY_OVERHEAD + stringBytes(key) + stringBytes(c.articleId) + stringBytes(c.source) + stringBytes(c.uri);
}

export function verdictBytes(key: string, v: DedupVerdict): number {
  // Verdicts are small flat records; their JSON length is a fair proxy and is computed once per entry.
  return ENTRY_OVERHEAD + stringBytes(key) + 2 * JSON.stringify(v).length;
}

export function factCaches(budgetBytes: number, maxEntries: number): FactCaches {
  const share = (fraction: number) => Math.max(64 * 1024, Math.floor(budgetBytes * fraction));
  return {
    fingerprints: new LRUCache({ max: maxEntries, maxSize: share(0.6), sizeCalculation: (c, k) => fingerprintBytes(k, c) }),
    bands: new LRUCache({ max: maxEntries * 8, maxSize: share(0.25), sizeCalculation: (b, k) => bandBytes(k, b) }),
    verdicts: new LRUCache({ max: maxEntries, maxSize: share(0.1), sizeCalculation: (v, k) => verdictBytes(k, v) }),
    content: new LRUCache({ max: maxEntries, maxSize: share(0.05), sizeCalculation: (c, k) => contentBytes(k, c) }),
  };
}
