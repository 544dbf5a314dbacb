import type { DedupOptions } from './options';
import { overlap, type ShingleSet } from './shingle-set';

/** What is kept of an article to score it against a later one. */
export interface Fingerprint {
  /** Compact MinHash signature (see compactSignature). */
  signature: Uint16Array;
  /** Number of distinct shingles, needed to turn Jaccard into containment. */
  size: number;
  /** The shingles themselves (absent on records of earlier releases): exact measures instead of estimates. */
  set?: ShingleSet;
}

export interface Similarity {
  jaccard: number;
  /** Shared shingles over the smaller set: near 1 when one text is a trimmed copy of the other. */
  containment: number;
  sizeRatio: number;
  /** Distinct shingles of the smaller text. */
  smaller: number;
  /** Measured on both shingle sets, not estimated from signatures. */
  exact: boolean;
}

/**
 * Exact when both sides carry their shingles: the estimate from 128 MinHash
 * values is too coarse where one text is a small part of the other (its
 * Jaccard is then small, and containment multiplies the error by the size
 * ratio's inverse). Otherwise estimated from the signatures.
 */
export function similarity(a: Fingerprint, b: Fingerprint): Similarity {
  if (a.set && b.set) return exactSimilarity(a.set, b.set);
  return estimatedSimilarity(a, b);
}

function exactSimilarity(a: ShingleSet, b: ShingleSet): Similarity {
  const o = overlap(a, b);
  const union = o.a + o.b - o.shared;
  const smaller = Math.max(1, Math.min(o.a, o.b));
  return { jaccard: union ? o.shared / union : 0, containment: o.shared / smaller, sizeRatio: Math.min(o.a, o.b) / Math.max(1, o.a, o.b), smaller: Math.min(o.a, o.b), exact: true };
}

function estimatedSimilarity(a: Fingerprint, b: Fingerprint): Similarity {
  const n = Math.min(a.signature.length, b.signature.length);
  let same = 0;
  for (let i = 0; i < n; i++) if (a.signature[i] === b.signature[i]) same++;
  const jaccard = n ? same / n : 0;
  // |A∩B| = J(|A|+|B|)/(1+J) follows from J = |A∩B| / (|A|+|B|-|A∩B|).
  const inter = (jaccard * (a.size + b.size)) / (1 + jaccard);
  const smaller = Math.max(1, Math.min(a.size, b.size));
  const containment = Math.min(1, inter / smaller);
  const sizeRatio = Math.min(a.size, b.size) / Math.max(1, a.size, b.size);
  return { jaccard, containment, sizeRatio, smaller: Math.min(a.size, b.size), exact: false };
}

/** The one number reported as `score`: the stronger of the two measures that can decide. */
export function scoreOf(s: Similarity, o: Pick<DedupOptions, 'minSizeRatio' | 'minContainedShingles'>): number {
  return containmentCounts(s, o) ? Math.max(s.jaccard, s.containment) : s.jaccard;
}

/**
 * Containment decides only where it can be trusted: measured exactly, the
 * smaller text must be at least a paragraph (a short re-send, a story in a
 * roundup), whatever the ratio; estimated from signatures, the error grows
 * as the ratio falls, so the ratio must stay above minSizeRatio.
 */
function containmentCounts(s: Similarity, o: Pick<DedupOptions, 'minSizeRatio' | 'minContainedShingles'>): boolean {
  return s.exact ? s.smaller >= o.minContainedShingles : s.sizeRatio >= o.minSizeRatio;
}

export function isNearCopy(s: Similarity, o: Pick<DedupOptions, 'jaccardThreshold' | 'containmentThreshold' | 'minSizeRatio' | 'minContainedShingles'>): boolean {
  if (s.jaccard >= o.jaccardThreshold) return true;
  return containmentCounts(s, o) && s.containment >= o.containmentThreshold;
}
