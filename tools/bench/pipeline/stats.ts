/** Nearest-rank percentile (the smallest value with at least q of the sample at or below it); NaN for an empty sample. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

/**
 * What the machine could store per second if every core did nothing but
 * this work: cores x 1000 ms over the CPU milliseconds one article costs,
 * summed over the processes that do it.
 */
export function cpuLimit(cores: number, cpuMsPerArticle: readonly number[]): number {
  const total = cpuMsPerArticle.reduce((sum, ms) => sum + ms, 0);
  return total > 0 ? (cores * 1000) / total : Number.POSITIVE_INFINITY;
}
