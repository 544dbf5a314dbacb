/**
 * Parses every file of a corpus and checks the outcome (`npm run conformance -- <folder>`
 * prints it; the backfill test compares its counts with what the ingester answers).
 */
import { performance } from 'node:perf_hooks';
import { type ParseOutcome, decodeBuffer, detectFormat, parseDocument } from '@newswire/wire-formats';
import { type CorpusFile, readCorpus } from '../shared/corpus';

const STORY_GROUPS = new Set(['newsml-g2', 'ninjs', 'nitf', 'rss', 'atom', 'plaintext', 'newsml-1', 'iptc-7901', 'anpa-1312', 'agency-json', 'email', 'ritzau-xml', 'json-feed']);
const MALICIOUS_BUDGET_MS = 1000;
// A file "has a date" when it carries one of these fields; its articles must then have one too.
const DATE_FIELDS =
  /<(pubDate|dc:date|updated|published|versionCreated|firstCreated|date\.issue|FirstCreated|ThisRevisionCreated|issued|modified)\b|"(versioncreated|versionCreated|firstcreated|firstCreated|version_created|published|date_published)"\s*:/;

interface FormatTally {
  parsed: number;
  rejected: number;
  crashed: number;
  reasons: Map<string, number>;
}

function tallyFor(tallies: Map<string, FormatTally>, format: string): FormatTally {
  let t = tallies.get(format);
  if (!t) tallies.set(format, (t = { parsed: 0, rejected: 0, crashed: 0, reasons: new Map() }));
  return t;
}

/** Reasons grouped without the item-specific tail (ids in parentheses, quoted text). */
function reasonKey(code: string, reason: string): string {
  return `${code}: ${reason.replace(/\s*\([^)]*\)\s*$/, '').replace(/"[^"]*"/g, '"…"').slice(0, 120)}`;
}

function checkArticles(file: CorpusFile, outcome: ParseOutcome, problems: string[]): void {
  // A date somewhere in the file says this item should have one only when the file holds one item: in a
  // news message, one item may be dated and the next not.
  const hasDate = outcome.items.length === 1 && DATE_FIELDS.test(file.body.toString('latin1'));
  for (const item of outcome.items) {
    if (!item.ok) continue;
    const a = item.article;
    const where = `${file.name}#${outcome.items.indexOf(item)}`;
    if (!a.headline?.trim()) problems.push(`${where}: parsed without a headline`);
    if (!a.bodyText?.trim() && !a.description?.trim()) problems.push(`${where}: parsed without body or description`);
    if (hasDate && !a.firstCreated && !a.versionCreated) problems.push(`${where}: the file carries dates but the article has none`);
  }
}

/** One refused item: where it is, how it was read, and why it was refused. */
export interface Refusal {
  file: string;
  index: number;
  format: string;
  code: string;
  reason: string;
}

export interface ConformanceResult {
  /** Stories (items) parsed and rejected with a reason, over every file. */
  parsed: number;
  rejected: number;
  crashed: number;
  problems: string[];
  refusals: Refusal[];
}

/** Parses every file below `root`, printing per format what was parsed, rejected (why) and crashed, then each refusal with its reason. */
export function runConformance(root: string, log: (line: string) => void = console.log): ConformanceResult {
  const tallies = new Map<string, FormatTally>();
  const problems: string[] = [];
  const refusals: Refusal[] = [];
  let crashes = 0;
  const files = readCorpus(root);
  for (const file of files) {
    const started = performance.now();
    let outcome: ParseOutcome;
    try {
      outcome = parseDocument({ body: file.body, filename: file.name });
    } catch (error) {
      crashes++;
      tallyFor(tallies, 'unknown').crashed++;
      problems.push(`${file.name}: CRASH ${(error as Error).stack ?? String(error)}`);
      continue;
    }
    const ms = performance.now() - started;
    // Tallied by detected format, so refused unknown XML shows as "xml", not under a guess.
    const detected = detectFormat({ body: file.body, filename: file.name }, decodeBuffer(file.body).text);
    const tally = tallyFor(tallies, detected === 'xml' || detected === 'unknown' ? detected : outcome.format);
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
        refusals.push({ file: file.name, index: item.index, format: outcome.format, code: item.code, reason: item.reason });
        const key = reasonKey(item.code, item.reason);
        tally.reasons.set(key, (tally.reasons.get(key) ?? 0) + 1);
      }
    }
    if (file.group === 'malicious') {
      const refused = outcome.items.every((i) => !i.ok && (i.code === 'unsafe' || i.code === 'too-large'));
      const verdict = refused && ms < MALICIOUS_BUDGET_MS ? 'ok' : 'FAIL';
      const codes = outcome.items.map((i) => (i.ok ? 'parsed' : i.code)).join(',');
      log(`malicious ${file.name}: ${codes} in ${ms.toFixed(1)} ms ${verdict}`);
      if (verdict !== 'ok') problems.push(`${file.name}: malicious file not refused in time (${codes}, ${ms.toFixed(1)} ms)`);
    } else if (STORY_GROUPS.has(file.group)) {
      checkArticles(file, outcome, problems);
    }
  }

  let parsed = 0;
  let rejected = 0;
  for (const [format, t] of [...tallies].sort(([a], [b]) => a.localeCompare(b))) {
    parsed += t.parsed;
    rejected += t.rejected;
    log(`\n${format}: ${t.parsed} parsed, ${t.rejected} rejected, ${t.crashed} crashed`);
    for (const [reason, n] of [...t.reasons].sort((a, b) => b[1] - a[1])) log(`  ${String(n).padStart(4)} × ${reason}`);
  }
  if (refusals.length > 0) {
    log(`\n${refusals.length} refusal(s):`);
    for (const r of refusals) log(`  ${r.file}#${r.index} [${r.format}] ${r.code}: ${r.reason}`);
  }
  if (problems.length > 0) {
    log(`\n${problems.length} problem(s):`);
    for (const p of problems) log(`  ${p}`);
  }
  log(`\nconformance: ${parsed} parsed, ${rejected} rejected, ${crashes} crashed`);
  return { parsed, rejected, crashed: crashes, problems, refusals };
}
