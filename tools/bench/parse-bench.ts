/**
 * Parse throughput per format over a corpus. Usage:
 *   npx ts-node --transpile-only -P tsconfig.tools.json tools/bench/parse-bench.ts <folder>
 * Each file is parsed repeatedly until it has had a fixed time budget, so
 * small and large files weigh by their real cost. Malicious files are skipped.
 */
import { performance } from 'node:perf_hooks';
import { XMLParser } from 'fast-xml-parser';
import { parseDocument } from '@newswire/wire-formats';
import { readCorpus } from '../shared/corpus';

const BUDGET_MS_PER_FILE = Number(process.env.BENCH_MS_PER_FILE ?? 150);
const MIN_REPEATS = 3;

interface Figure {
  items: number;
  ms: number;
  files: number;
  /** Documents per ms through the whole project parser, and through a bare parse of the same bytes. */
  docs: number;
  baselineDocs: number;
  baselineMs: number;
}

/**
 * The side-by-side baseline: what a naive ingester does with the same bytes
 * (UTF-8 decode, then fast-xml-parser with defaults or JSON.parse) with no
 * charset detection, safety pre-scan, mapping or sanitising.
 */
const bareXml = new XMLParser({ ignoreAttributes: false });
function bareParse(body: Buffer): unknown {
  const text = body.toString('utf8');
  const head = text.trimStart();
  if (head.startsWith('<')) return bareXml.parse(text);
  if (head.startsWith('{') || head.startsWith('[')) return JSON.parse(text);
  return text.split(/\n\s*\n/);
}

function timeIt(fn: () => unknown): { repeats: number; ms: number } {
  let repeats = 0;
  const started = performance.now();
  while (repeats < MIN_REPEATS || performance.now() - started < BUDGET_MS_PER_FILE) {
    fn();
    repeats++;
  }
  return { repeats, ms: performance.now() - started };
}

function run(folder: string): void {
  const figures = new Map<string, Figure>();
  for (const file of readCorpus(folder).filter((f) => f.group !== 'malicious')) {
    const input = { body: file.body, filename: file.name };
    const first = parseDocument(input); // warm-up, and tells the format
    let items = 0;
    const project = timeIt(() => (items += parseDocument(input).items.length));
    let baseline = { repeats: 0, ms: 0 };
    try {
      bareParse(file.body);
      baseline = timeIt(() => bareParse(file.body));
    } catch {
      // The bare parser cannot read this file at all (bad charset, broken markup): no baseline for it.
    }
    const f = figures.get(first.format) ?? { items: 0, ms: 0, files: 0, docs: 0, baselineDocs: 0, baselineMs: 0 };
    figures.set(first.format, {
      items: f.items + items,
      ms: f.ms + project.ms,
      files: f.files + 1,
      docs: f.docs + project.repeats,
      baselineDocs: f.baselineDocs + baseline.repeats,
      baselineMs: f.baselineMs + baseline.ms,
    });
  }
  const sorted = [...figures].sort(([a], [b]) => a.localeCompare(b));
  for (const [format, f] of sorted) {
    const rate = (f.items / f.ms) * 1000;
    const docsPerS = (f.docs / f.ms) * 1000;
    const bare = f.baselineMs > 0 ? (f.baselineDocs / f.baselineMs) * 1000 : NaN;
    console.log(
      `${format.padEnd(10)} ${String(f.files).padStart(4)} files  ${String(f.items).padStart(7)} items in ${(f.ms / 1000).toFixed(2)} s  ` +
        `${rate.toFixed(0)} items/s  ${((f.ms / f.items) * 1000).toFixed(0)} us/item  | docs/s project=${docsPerS.toFixed(0)} bare-parse=${bare.toFixed(0)}`,
    );
  }
  console.log('bare-parse: UTF-8 decode + fast-xml-parser defaults or JSON.parse, no safety, charset or mapping (the same bytes, same run)');
  console.log(`parse-items-per-s: ${sorted.map(([format, f]) => `${format}=${Math.round((f.items / f.ms) * 1000)}`).join(' ')}`);
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: parse-bench.ts <folder>');
  process.exit(2);
}
run(folder);
