import type { DedupOptions } from './options';

/** What is kept of an article to score it against a later one. */
export interface Fingerprint {
  /** Compact MinHash signature (see compactSignature). */
  signature: Uint16Array;
  /** Number of distinct shingles, needed to turn Jaccard into containment. */
  size: number;
}

export interface Similarity {
  jaccard: number;
  /** Shared shingles over the smaller set: near 1 when one text is a trimmed copy of the other. */
  containment: number;
  sizeRatio: number;
}

export function similarity(a: Fingerprint, b: Fingerprint): Similarity {
  const n = Math.min(a.signature.length, b.signature.length);
  let same = 0;
  for (let i = 0; i < n; i++) if (a.signature[i] === b.signature[i]) same++;
  const jaccard = n ? same / n : 0;
  // |A∩B| = J(|A|+|B|)/(1+J) follows from J = |A∩B| / (|A|+|B|-|A∩B|).
  const inter = (jaccard * (a.size + b.size)) / (1 + jaccard);
  const smaller = Math.max(1, Math.min(a.size, b.size));
  const containment = Math.min(1, inter / smaller);
  const sizeRatio = Math.min(a.size, b.size) / Math.max(1, a.size, b.size);
  return { jaccard, containment, sizeRatio };
}

/** The one number reported as `score`: the stronger of the two measures that can decide. */
export function scoreOf(s: Similarity, o: Pick<DedupOptions, 'minSizeRatio'>): number {
  return s.sizeRatio >= o.minSizeRatio ? Math.max(s.jaccard, s.containment) : s.jaccard;
}

export function isNearCopy(s: Similarity, o: Pick<DedupOptions, 'jaccardThreshold' | 'containmentThreshold' | 'minSizeRatio'>): boolean {
  if (s.jaccard >= o.jaccardThreshold) return true;
  return s.sizeRatio >= o.minSizeRatio && s.containment >= o.containmentThreshold;
}
