import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError, envInt } from '@newswire/config';
import { checkDedupOptions, DEFAULT_DEDUP_OPTIONS as D, type DedupOptions } from '@newswire/dedup';
import { StageEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';
import { InvalidSourcesFile, parseSourcesDocument } from '@newswire/sources';

const ratio = (def: number) => z.coerce.number().gt(0).max(1).default(def);

/** Dedup settings; defaults are the values calibrated on libs/dedup/eval/pairs.jsonl. */
export const DedupEnv = z.object({
  DEDUP_SHINGLE_SIZE: envInt(D.shingleSize, 1, 8),
  DEDUP_NUM_HASHES: envInt(D.numHashes, 16, 512),
  DEDUP_BANDS: envInt(D.bands, 1, 64),
  DEDUP_ROWS: envInt(D.rows, 1, 16),
  DEDUP_JACCARD_THRESHOLD: ratio(D.jaccardThreshold),
  DEDUP_CONTAINMENT_THRESHOLD: ratio(D.containmentThreshold),
  DEDUP_MIN_SIZE_RATIO: ratio(D.minSizeRatio),
  DEDUP_MIN_SHINGLES: envInt(D.minShingles, 1, 1000),
  DEDUP_MIN_CONTAINED_SHINGLES: envInt(D.minContainedShingles, 1, 1000),
  /** Rare-phrase anchors indexed per article beside the LSH bands (0 turns the second index off). */
  DEDUP_ANCHORS: envInt(D.anchors, 0, 256),
  DEDUP_MAX_STORED_SHINGLES: envInt(D.maxStoredShingles, 100, 20000),
  DEDUP_WINDOW_HOURS: z.coerce.number().positive().default(D.windowMs / 3_600_000),
  /** Memory for the caches of write-once facts (fingerprints, band claims, verdicts); a miss costs a read by _id. */
  DEDUP_CACHE_MB: envInt(64, 1, 16_384),
  /** Sources whose ids are authoritative: two of their items with different ids are never merged. */
  DEDUP_DISTINCT_ID_SOURCES: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  /**
   * The source registry (optional): its entries with `dedup.distinctIds: true` join
   * DEDUP_DISTINCT_ID_SOURCES, so the rule is written once, beside the source it is about.
   */
  SOURCES_FILE: z.string().min(1).optional(),
});

export const DeduplicatorEnv = StageEnv.extend(MongoEnv.shape)
  .extend(DedupEnv.shape)
  .superRefine((c, ctx) => {
    if (c.DEDUP_BANDS * c.DEDUP_ROWS > c.DEDUP_NUM_HASHES) ctx.addIssue({ code: 'custom', path: ['DEDUP_BANDS'], message: 'DEDUP_BANDS * DEDUP_ROWS must not exceed DEDUP_NUM_HASHES' });
  });
export type DeduplicatorConfig = z.infer<typeof DeduplicatorEnv>;

export function dedupOptionsFrom(c: z.infer<typeof DedupEnv>): DedupOptions {
  return checkDedupOptions({
    shingleSize: c.DEDUP_SHINGLE_SIZE,
    numHashes: c.DEDUP_NUM_HASHES,
    bands: c.DEDUP_BANDS,
    rows: c.DEDUP_ROWS,
    jaccardThreshold: c.DEDUP_JACCARD_THRESHOLD,
    containmentThreshold: c.DEDUP_CONTAINMENT_THRESHOLD,
    minSizeRatio: c.DEDUP_MIN_SIZE_RATIO,
    minShingles: c.DEDUP_MIN_SHINGLES,
    minContainedShingles: c.DEDUP_MIN_CONTAINED_SHINGLES,
    anchors: c.DEDUP_ANCHORS,
    maxStoredShingles: c.DEDUP_MAX_STORED_SHINGLES,
    windowMs: c.DEDUP_WINDOW_HOURS * 3_600_000,
    sourceRules: [...new Set([...c.DEDUP_DISTINCT_ID_SOURCES, ...registryDistinctIdSources(c.SOURCES_FILE)])].map((source) => ({ source, distinctIds: true })),
  });
}

/** Read once at start-up: a registry that cannot be read or is invalid stops the service (exit 78), naming the entry. */
function registryDistinctIdSources(file: string | undefined): string[] {
  if (!file) return [];
  try {
    return parseSourcesDocument(readFileSync(file, 'utf8'), file)
      .sources.filter((s) => s.dedup?.distinctIds)
      .map((s) => s.id);
  } catch (err) {
    if (err instanceof InvalidSourcesFile) throw new ConfigError('deduplicator', err.problems.map((p) => `SOURCES_FILE ${file}: ${p}`));
    throw new ConfigError('deduplicator', [`SOURCES_FILE: ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
}
