/** Per-source rules: some agencies' ids are authoritative, so two of their ids are two items. */
export interface SourceRule {
  source: string;
  /** Never merge two items of this source that carry different ids (near or exact). */
  distinctIds: boolean;
}

/**
 * Everything the decisions depend on. Thresholds were calibrated on
 * libs/dedup/eval/pairs.jsonl (see its README); the app reads them from env.
 */
export interface DedupOptions {
  /** Words per shingle. */
  shingleSize: number;
  /** MinHash values kept per article to estimate similarity (>= bands * rows). */
  numHashes: number;
  bands: number;
  rows: number;
  /** Estimated Jaccard at or above which a candidate is a near copy. */
  jaccardThreshold: number;
  /** Estimated containment (shared / smaller set) at or above which a candidate is a near copy (trimmed copies). */
  containmentThreshold: number;
  /** Estimated containment (records without shingle sets) only counts when the smaller text has at least this fraction of the larger's shingles. */
  minSizeRatio: number;
  /** Exact containment only counts when the smaller text has at least this many distinct shingles (about a paragraph). */
  minContainedShingles: number;
  /** Rare-phrase anchors indexed per article, beside the bands (0: none); see anchorKeys. */
  anchors: number;
  /** Shingles kept per article for exact verification; a longer text keeps a consistent sample. */
  maxStoredShingles: number;
  /** Texts with fewer distinct shingles are matched exactly only: too short for a trustworthy estimate. */
  minShingles: number;
  /** Candidates first seen longer ago than this are ignored. */
  windowMs: number;
  sourceRules: readonly SourceRule[];
}

export const DEFAULT_DEDUP_OPTIONS: DedupOptions = {
  shingleSize: 2,
  numHashes: 128,
  bands: 8,
  rows: 2,
  jaccardThreshold: 0.5,
  containmentThreshold: 0.6,
  minSizeRatio: 0.3,
  minContainedShingles: 12,
  anchors: 32,
  maxStoredShingles: 3000,
  minShingles: 8,
  windowMs: 7 * 24 * 3600 * 1000,
  sourceRules: [],
};

export class InvalidDedupOptionsError extends Error {}

export function checkDedupOptions(o: DedupOptions): DedupOptions {
  if (o.bands * o.rows > o.numHashes) throw new InvalidDedupOptionsError(`bands*rows (${o.bands * o.rows}) exceeds numHashes (${o.numHashes})`);
  if (o.anchors < 0 || o.maxStoredShingles < 1) throw new InvalidDedupOptionsError('anchors must be >= 0 and maxStoredShingles >= 1');
  if (o.shingleSize < 1) throw new InvalidDedupOptionsError('shingleSize must be >= 1');
  for (const t of [o.jaccardThreshold, o.containmentThreshold, o.minSizeRatio]) {
    if (!(t > 0 && t <= 1)) throw new InvalidDedupOptionsError('thresholds must be in (0, 1]');
  }
  return o;
}
