/**
 * Parses every file of a corpus and checks the outcome. Usage:
 *   npx ts-node --transpile-only -P tsconfig.tools.json tools/conformance/conformance.ts <folder>
 */
import { performance } from 'node:perf_hooks';
import { type ParseOutcome, decodeBuffer, detectFormat, parseDocument } from '@newswire/wire-formats';
import { type CorpusFile, readCorpus } from '../shared/corpus';

const STORY_GROUPS = new Set(['newsml-g2', 'ninjs', 'nitf', 'rss', 'atom', 'plaintext']);
const MALICIOUS_BUDGET_MS = 1000;
// A file "has a date" when it carries one of these fields; its articles must then have one too.
const DATE_FIELDS = /<(pubDate|dc:date|updated|published|versionCreated|firstCreated|date\.issue)\b|"(versioncreated|versionCreated|firstcreated|firstCreated)"\s*:/;

interface FormatTally {
  parsed: number;
  rejected: number;
  crashed: number;
  reasons: Map<string, number>;
}

const tallies = new Map<string, FormatTally>();
const problems: string[] = [];
let crashes = 0;

function tallyFor(format: string): FormatTally {
  let t = tallies.get(format);
  if (!t) tallies.set(format, (t = { parsed: 0, rejected: 0, crashed: 0, reasons: new Map() }));
  return t;
}

/** Reasons grouped without the item-specific tail (ids in parentheses, quoted text). */
function reasonKey(code: string, reason: string): string {
  return `${code}: ${reason.replace(/\s*\([^)]*\)\s*$/, '').replace(/"[^"]*"/g, '"…"').slice(0, 120)}`;
}

function checkArticles(file: CorpusFile, outcome: ParseOutcome): void {
  const hasDate = DATE_FIELDS.test(file.body.toString('latin1'));
  for (const item of outcome.items) {
    if (!item.ok) continue;
    const a = item.article;
    const where = `${file.name}#${outcome.items.indexOf(item)}`;
    if (!a.headline?.trim()) problems.push(`${where}: parsed without a headline`);
    if (!a.bodyText?.trim() && !a.description?.trim()) problems.push(`${where}: parsed without body or description`);
    if (hasDate && !a.firstCreated && !a.versionCreated) problems.push(`${where}: the file carries dates but the article has none`);
  }
}

function run(root: string): number {
  const files = readCorpus(root);
  for (const file of files) {
    const started = performance.now();
    let outcome: ParseOutcome;
    try {
      outcome = parseDocument({ body: file.body, filename: file.name });
    } catch (error) {
      crashes++;
      tallyFor('unknown').crashed++;
      problems.push(`${file.name}: CRASH ${(error as Error).stack ?? String(error)}`);
      continue;
    }
    const ms = performance.now() - started;
    // Tallied by detected format, so refused unknown XML shows as "xml", not under a guess.
    const detected = detectFormat({ body: file.body, filename: file.name }, decodeBuffer(file.body).text);
    const tally = tallyFor(detected === 'xml' || detected === 'unknown' ? detected : outcome.format);
    for (const item of outcome.items) {
      if (item.ok) {
        tally.parsed++;
      } else if (item.reason.startsWith('parser failure:')) {
        tally.crashed++;
        crashes++;
        problems.push(`${file.name}#${item.index}: CRASH ${item.reason}`);
      } else if (!item.reason.trim() || !item.code) {
        problems.push(`${file.name}#${item.index}: rejected without a reason`);
      } else {
        tally.rejected++;
        const key = reasonKey(item.code, item.reason);
        tally.reasons.set(key, (tally.reasons.get(key) ?? 0) + 1);
      }
    }
    if (file.group === 'malicious') {
      const refused = outcome.items.every((i) => !i.ok && (i.code === 'unsafe' || i.code === 'too-large'));
      const verdict = refused && ms < MALICIOUS_BUDGET_MS ? 'ok' : 'FAIL';
      const codes = outcome.items.map((i) => (i.ok ? 'parsed' : i.code)).join(',');
      console.log(`malicious ${file.name}: ${codes} in ${ms.toFixed(1)} ms ${verdict}`);
      if (verdict !== 'ok') problems.push(`${file.name}: malicious file not refused in time (${codes}, ${ms.toFixed(1)} ms)`);
    } else if (STORY_GROUPS.has(file.group)) {
      checkArticles(file, outcome);
    }
  }

  let parsed = 0;
  let rejected = 0;
  for (const [format, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    parsed += t.parsed;
    rejected += t.rejected;
    console.log(`\n${format}: ${t.parsed} parsed, ${t.rejected} rejected, ${t.crashed} crashed`);
    for (const [reason, n] of [...t.reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)} × ${reason}`);
  }
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`  ${p}`);
  }
  console.log(`\nconformance: ${parsed} parsed, ${rejected} rejected, ${crashes} crashed`);
  return crashes > 0 || problems.length > 0 ? 1 : 0;
}

const folder = process.argv[2];
if (!folder) {
  console.error('usage: conformance.ts <folder>');
  process.exit(2);
}
process.exit(run(folder));
