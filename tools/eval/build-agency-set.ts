/**
 * Rebuilds the hand-labelled agency entity set (libs/enrichment/eval/agency/README.md)
 * from the shared fixtures: each labelled item is re-read through the
 * project's own parsers, its text rebuilt as the enricher sees it
 * (`headline + "\n\n" + bodyText`), and checked against the frozen labels:
 * the sha256 of the text must match and every span must cover exactly its
 * recorded surface. Anything else is refused: labels over a changed text
 * would score the extractor against the wrong answer.
 *
 * The texts are never committed (the copyright stays with the agencies);
 * only labels.jsonl is.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '@newswire/wire-formats';
import type { Mention, MentionType } from './build-multilingual-set';

export interface AgencyLabel {
  /** `<fixture>#<item>`. */
  id: string;
  /** Path below the fixtures folder (../shared/fixtures). */
  fixture: string;
  /** Index of the item in the parser's outcome (multi-item files give several). */
  item: number;
  language: string;
  outlet: string;
  licence: string;
  sha256: string;
  split: 'dev' | 'test';
  spans: { start: number; end: number; type: MentionType; surface: string }[];
}

export interface AgencyDoc {
  id: string;
  language: string;
  outlet: string;
  split: 'dev' | 'test';
  headline: string;
  /** `headline + "\n\n" + bodyText`: the string the spans index. */
  text: string;
  mentions: Mention[];
}

export const AGENCY_LABELS_FILE = join(__dirname, '../../libs/enrichment/eval/agency/labels.jsonl');
const TYPES = new Set<string>(['person', 'organisation', 'place']);

/** FIXTURES, else ../shared/fixtures beside the repository (as CI clones it), else the workplace copy. */
export function agencyFixturesRoot(): string | undefined {
  const candidates = [process.env['FIXTURES'], join(__dirname, '../../../shared/fixtures'), '/work/shared/fixtures'];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function readAgencyLabels(file = AGENCY_LABELS_FILE): AgencyLabel[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AgencyLabel);
}

/** The text of one item exactly as the enricher receives it, or why there is none. */
export function itemText(body: Buffer, filename: string, index: number): { headline: string; text: string } | { error: string } {
  const outcome = parseDocument({ body, filename });
  const item = outcome.items[index];
  if (!item) return { error: `the parser gave ${outcome.items.length} items, no item ${index}` };
  if (!item.ok) return { error: `item ${index} refused by the parser (${item.code})` };
  const headline = item.article.headline ?? '';
  return { headline, text: `${headline}\n\n${item.article.bodyText ?? ''}` };
}

function spanProblems(label: AgencyLabel, text: string): string[] {
  const problems: string[] = [];
  for (const s of label.spans) {
    const where = `${label.id} ${s.type} ${s.start}-${s.end} "${s.surface}"`;
    if (!TYPES.has(s.type)) problems.push(`${where}: unknown type`);
    else if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= text.length)) problems.push(`${where}: offsets outside the text`);
    else if (text.slice(s.start, s.end) !== s.surface) problems.push(`${where}: the text there reads "${text.slice(s.start, s.end)}"`);
  }
  return problems;
}

/**
 * Every labelled item rebuilt and verified; throws listing every item whose
 * text or spans do not match the labels (nothing is returned half-checked).
 */
export function buildAgencySet(labels: AgencyLabel[], readFixture: (path: string) => Buffer): AgencyDoc[] {
  const problems: string[] = [];
  const docs: AgencyDoc[] = [];
  for (const label of labels) {
    const got = itemText(readFixture(label.fixture), label.fixture, label.item);
    if ('error' in got) {
      problems.push(`${label.id}: ${got.error}`);
      continue;
    }
    const digest = sha256(got.text);
    if (digest !== label.sha256) {
      problems.push(`${label.id}: text changed (sha256 ${digest.slice(0, 12)}, labelled ${label.sha256.slice(0, 12)})`);
      continue;
    }
    const bad = spanProblems(label, got.text);
    if (bad.length) {
      problems.push(...bad);
      continue;
    }
    const mentions = label.spans.map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.surface }));
    docs.push({ id: label.id, language: label.language, outlet: label.outlet, split: label.split, headline: got.headline, text: got.text, mentions });
  }
  if (problems.length) throw new Error(`agency entity set differs from its labels (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  return docs;
}

/** The set from the committed labels and the fixtures on this machine; undefined when the fixtures are absent. */
export function loadAgencySet(): AgencyDoc[] | undefined {
  const root = agencyFixturesRoot();
  if (!root) return undefined;
  return buildAgencySet(readAgencyLabels(), (path) => readFileSync(join(root, path)));
}

if (require.main === module) {
  const docs = loadAgencySet();
  if (!docs) {
    console.log('agency entity set: no fixtures folder (FIXTURES, ../shared/fixtures): nothing built');
    process.exit(1);
  }
  const count = (k: (d: AgencyDoc) => string) => docs.reduce<Record<string, number>>((m, d) => ((m[k(d)] = (m[k(d)] ?? 0) + 1), m), {});
  console.log(`${docs.length} items verified, ${docs.reduce((n, d) => n + d.mentions.length, 0)} spans`);
  console.log('by language/split:', count((d) => `${d.language}/${d.split}`));
  console.log('by outlet:', count((d) => d.outlet));
}
