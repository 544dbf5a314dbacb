/**
 * How fast this box's memory answers right now: random reads over 64 MB, far beyond any cache. Enrichment is sensitive
 * to memory latency (lookups in large tables, about 0.9 MB allocated per article), so on a shared host its
 * timings move with other tenants' memory traffic while a compute loop's do not: within one session on the project's
 * 2-core box the same code took 2.25 and 3.81 ms a 3-5 KB article (compromise 24.5 and 47.6 ms) while a compute loop
 * timed the same, and this probe read 220-340 ns in the slow hour. Printed beside a benchmark's figures so that runs on
 * different days, or hours, can be compared.
 */
export function memoryProbeNs(): number {
  const size = 16 * 1024 * 1024;
  const table = new Int32Array(size);
  // A fixed pseudo-random permutation-like walk (Knuth's multiplicative hash), the same every run.
  for (let i = 0; i < size; i++) table[i] = ((i * 2654435761) >>> 8) & (size - 1);
  const samples: number[] = [];
  let at = 1;
  for (let round = 0; round < 5; round++) {
    const reads = 2_000_000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < reads; i++) at = table[(at + i) & (size - 1)];
    samples.push(Number(process.hrtime.bigint() - t0) / reads);
  }
  if (at < 0) console.log(at);
  samples.sort((x, y) => x - y);
  return samples[2];
}
