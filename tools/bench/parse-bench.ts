/**
 * Parse throughput per format over a corpus. Usage:
 *   npx ts-node --transpile-only -P tsconfig.tools.json tools/bench/parse-bench.ts <folder>
 * Each file is parsed repeatedly until it has had a fixed time budget, so
 * small and large files weigh by their real cost. Malicious files are skipped.
 */
import { performance } from 'node:perf_hooks';
import { parseDocument } from '../../libs/wire-formats/src/index';
import { readCorpus } from '../shared/corpus';

const BUDGET_MS_PER_FILE = Number(process.env.BENCH_MS_PER_FILE ?? 150);
const MIN_REPEATS = 3;

interface Figure {
  items: number;
  ms: number;
  files: number;
}

function run(folder: string): void {
  const figures = new Map<string, Figure>();
  for (const file of readCorpus(folder).filter((f) => f.group !== 'malicious')) {
    const input = { body: file.body, filename: file.name };
    const first = parseDocument(input); // warm-up, and tells the format
    let repeats = 0;
    let items = 0;
    const started = performance.now();
    while (repeats < MIN_REPEATS || performance.now() - started < BUDGET_MS_PER_FILE) {
      items += parseDocument(input).items.length;
      repeats++;
    }
    const ms = performance.now() - started;
    const f = figures.get(first.format) ?? { items: 0, ms: 0, files: 0 };
    figures.set(first.format, { items: f.items + items, ms: f.ms + ms, files: f.files + 1 });
  }
  const sorted = [...figures].sort(([a], [b]) => a.localeCompare(b));
  for (const [format, f] of sorted) {
    const rate = (f.items / f.ms) * 1000;
    console.log(`${format.padEnd(10)} ${String(f.files).padStart(4)} files  ${String(f.items).padStart(7)} items in ${(f.ms / 1000).toFixed(2)} s  ${rate.toFixed(0)} items/s  ${((f.ms / f.items) * 1000).toFixed(0)} us/item`);
  }
  console.log(`parse-items-per-s: ${sorted.map(([format, f]) => `${format}=${Math.round((f.items / f.ms) * 1000)}`).join(' ')}`);
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: parse-bench.ts <folder>');
  process.exit(2);
}
run(folder);
