/**
 * Builds the multilingual entity corpus (libs/enrichment/eval/multilingual/corpus.jsonl,
 * not committed) from openly published, already-labelled news corpora, and
 * checks it against the committed manifest (manifest.json: which documents,
 * from where, under which licence, and which split each is in).
 *
 *   npx ts-node --transpile-only -P tsconfig.tools.json tools/eval/build-multilingual-set.ts [--freeze]
 *
 * Sources are read from local git snapshots of the public repositories
 * (ENTITY_CORPUS_MIRROR, default /work/.mirror). The texts are not
 * committed: this workplace forbids committing what its snapshot tool
 * brings in, so the repository holds only the manifest and this converter.
 * `--freeze` (re)writes the manifest; it was run once, before any extractor
 * change, and the test split must never be re-drawn.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type MentionType = 'person' | 'organisation' | 'place';
export interface Mention {
  type: MentionType;
  start: number;
  end: number;
  text: string;
}
export interface CorpusDoc {
  id: string;
  language: string;
  outlet: string;
  date?: string;
  licence: string;
  origin: { repo: string; path: string; commit: string };
  split: 'dev' | 'test';
  text: string;
  mentions: Mention[];
}

interface Source {
  repo: string;
  commit: string;
  path: string;
  format: 'hipe' | 'conll-es';
  language: string;
  /** How many documents to take from this file (first ones, in file order). */
  take: number;
  licence: string;
}

const HIPE = 'hipe-eval/HIPE-2022-data';
const HIPE_COMMIT = '147f5bc3c7fb7e5c6b024a9ffd6503cd019fb9ea';
const CONLL = 'teropa/nlp';
const CONLL_COMMIT = 'f89bc5a15b516208de1cfe2abe9692b7ed9a43e2';
const BY = 'CC BY 4.0';
const BY_NC_SA = 'CC BY-NC-SA 4.0';

export const SOURCES: Source[] = [
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/newseye/fr/HIPE-2022-v2.1-newseye-test-fr.tsv', format: 'hipe', language: 'fr', take: 35, licence: BY },
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/newseye/de/HIPE-2022-v2.1-newseye-test-de.tsv', format: 'hipe', language: 'de', take: 13, licence: BY },
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/sonar/de/HIPE-2022-v2.1-sonar-test-de.tsv', format: 'hipe', language: 'de', take: 10, licence: BY },
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/hipe2020/de/HIPE-2022-v2.1-hipe2020-test-de.tsv', format: 'hipe', language: 'de', take: 12, licence: BY_NC_SA },
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/hipe2020/en/HIPE-2022-v2.1-hipe2020-test-en.tsv', format: 'hipe', language: 'en', take: 25, licence: BY_NC_SA },
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/topres19th/en/HIPE-2022-v2.1-topres19th-test-en.tsv', format: 'hipe', language: 'en', take: 10, licence: BY_NC_SA },
  { repo: HIPE, commit: HIPE_COMMIT, path: 'data/v2.1/newseye/sv/HIPE-2022-v2.1-newseye-test-sv.tsv', format: 'hipe', language: 'sv', take: 21, licence: BY },
  {
    repo: CONLL,
    commit: CONLL_COMMIT,
    path: 'resources/corpora/conll2002/esp.testb',
    format: 'conll-es',
    language: 'es',
    take: 35,
    licence: 'CoNLL-2002 (EFE newswire, May 2000; annotation TALP/UPC): research use in the context of the shared task only, NOT an open licence',
  },
];

/** Long historical pages are cut to their lead: enough text to judge extraction, bounded eval time. */
const MAX_TOKENS = 350;
const MIN_TOKENS = 40;
/** Share of documents frozen into the test split (by a hash of the document id). */
const TEST_SHARE = 0.4;

const TYPE_OF: Record<string, MentionType | undefined> = { pers: 'person', org: 'organisation', loc: 'place', PER: 'person', ORG: 'organisation', LOC: 'place' };

interface Token {
  text: string;
  tag: string;
  spaceAfter: boolean;
  sentenceEnd: boolean;
}
interface RawDoc {
  id: string;
  outlet: string;
  date?: string;
  tokens: Token[];
}

function hipeDocs(tsv: string): RawDoc[] {
  const docs: RawDoc[] = [];
  let doc: RawDoc | undefined;
  for (const line of tsv.split('\n')) {
    if (line.startsWith('TOKEN\t')) continue;
    const meta = /^# ([\w]+):([\w]+) = (.*)$/.exec(line);
    if (meta) {
      const [, , key, value] = meta;
      if (key === 'document_id') docs.push((doc = { id: value.trim(), outlet: '', tokens: [] }));
      else if (doc && key === 'date') doc.date = value.trim();
      else if (doc && key === 'publication_title') doc.outlet = value.trim().replace(/_/g, ' ');
      continue;
    }
    if (!doc || !line.trim() || line.startsWith('#')) continue;
    const cols = line.split('\t');
    const misc = cols[9] ?? '';
    doc.tokens.push({ text: cols[0], tag: cols[1], spaceAfter: !misc.includes('NoSpaceAfter'), sentenceEnd: misc.includes('EndOfSentence') });
    // NewsEye marks some line ends NoSpaceAfter where the page had a line break between two words.
    const prev = doc.tokens[doc.tokens.length - 2];
    if (prev && !prev.spaceAfter && /\p{L}$/u.test(prev.text) && /^\p{L}/u.test(cols[0]) && /\p{Lu}|\p{Ll}{2}/u.test(cols[0])) prev.spaceAfter = true;
  }
  return docs;
}

const NO_SPACE_BEFORE = /^[,.;:)\]»!?%]$/;
const NO_SPACE_AFTER = /^[([«¿¡]$/;
/** CoNLL-2002 Spanish has no document marks; every EFE story opens with a dateline "Place ( Region ) , 23 may ( EFE ) .". */
const DATELINE = /\( (?:EFE|EFECOM) \) \.?$/;

function conllEsDocs(text: string): RawDoc[] {
  const sentences = text
    .split(/\n\s*\n/)
    .map((s) => s.split('\n').filter(Boolean).map((l) => l.split(' ')))
    .filter((s) => s.length && !(s.length === 1 && s[0][0] === '-'));
  const docs: RawDoc[] = [];
  let doc: RawDoc | undefined;
  for (const s of sentences) {
    const surface = s.map((t) => t[0]).join(' ');
    if (DATELINE.test(surface)) docs.push((doc = { id: `efe-conll2002-es-${docs.length + 1}`, outlet: 'EFE', tokens: [] }));
    if (!doc) continue;
    s.forEach((t, i) => {
      const next = s[i + 1]?.[0];
      doc!.tokens.push({ text: t[0], tag: t[t.length - 1], spaceAfter: !(next && NO_SPACE_BEFORE.test(next)) && !NO_SPACE_AFTER.test(t[0]), sentenceEnd: i === s.length - 1 });
    });
  }
  return docs;
}

function cut(tokens: Token[]): Token[] {
  if (tokens.length <= MAX_TOKENS) return tokens;
  let end = MAX_TOKENS;
  for (let i = MAX_TOKENS - 1; i >= MAX_TOKENS / 2; i--) {
    if (tokens[i].sentenceEnd && !/^I-/.test(tokens[i + 1]?.tag ?? '')) {
      end = i + 1;
      break;
    }
  }
  while (end < tokens.length && /^I-/.test(tokens[end].tag)) end++; // never split a mention
  return tokens.slice(0, end);
}

function render(tokens: Token[]): { text: string; mentions: Mention[] } {
  let text = '';
  const mentions: Mention[] = [];
  let open: { type: MentionType | undefined; start: number } | undefined;
  const close = (end: number) => {
    if (open?.type) mentions.push({ type: open.type, start: open.start, end, text: text.slice(open.start, end) });
    open = undefined;
  };
  let lastEnd = 0;
  tokens.forEach((t, i) => {
    const [bio, label] = t.tag.split('-');
    if (bio !== 'I' || !open) close(lastEnd);
    if (bio === 'B' || (bio === 'I' && !open)) open = { type: TYPE_OF[label], start: text.length };
    text += t.text;
    lastEnd = text.length;
    if (i < tokens.length - 1 && t.spaceAfter) text += ' ';
  });
  close(lastEnd);
  return { text, mentions };
}

function splitOf(id: string): 'dev' | 'test' {
  const h = createHash('sha256').update(id).digest();
  return h.readUInt16BE(0) / 65536 < TEST_SHARE ? 'test' : 'dev';
}

function mirrorOf(repo: string): string {
  const root = process.env.ENTITY_CORPUS_MIRROR ?? '/work/.mirror';
  return join(root, repo.replace('/', '+'), 'repo');
}

export function buildCorpus(): CorpusDoc[] {
  const out: CorpusDoc[] = [];
  for (const src of SOURCES) {
    const raw = execFileSync('git', ['--git-dir', mirrorOf(src.repo), 'show', `${src.commit}:${src.path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const docs = (src.format === 'hipe' ? hipeDocs(raw) : conllEsDocs(raw)).filter((d) => d.tokens.length >= MIN_TOKENS).slice(0, src.take);
    for (const d of docs) {
      const { text, mentions } = render(cut(d.tokens));
      const id = `${src.language}:${d.id}`;
      out.push({ id, language: src.language, outlet: d.outlet || 'unknown', ...(d.date ? { date: d.date } : {}), licence: src.licence, origin: { repo: src.repo, path: src.path, commit: src.commit }, split: splitOf(id), text, mentions });
    }
  }
  return out;
}

interface ManifestEntry {
  id: string;
  split: 'dev' | 'test';
  language: string;
  outlet: string;
  licence: string;
  origin: CorpusDoc['origin'];
  sha256: string;
}

const DIR = join(__dirname, '../../libs/enrichment/eval/multilingual');
export const CORPUS_FILE = join(DIR, 'corpus.jsonl');
export const MANIFEST_FILE = join(DIR, 'manifest.json');

const digest = (d: CorpusDoc) => createHash('sha256').update(JSON.stringify([d.text, d.mentions])).digest('hex');

function main(): void {
  const corpus = buildCorpus();
  mkdirSync(DIR, { recursive: true });
  const entries: ManifestEntry[] = corpus.map((d) => ({ id: d.id, split: d.split, language: d.language, outlet: d.outlet, licence: d.licence, origin: d.origin, sha256: digest(d) }));
  if (process.argv.includes('--freeze')) writeFileSync(MANIFEST_FILE, `${JSON.stringify(entries, null, 1)}\n`);
  else if (existsSync(MANIFEST_FILE)) {
    const frozen: ManifestEntry[] = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8'));
    const mine = new Map(entries.map((e) => [e.id, e]));
    const bad = frozen.filter((e) => mine.get(e.id)?.sha256 !== e.sha256 || mine.get(e.id)?.split !== e.split);
    if (bad.length || frozen.length !== entries.length) throw new Error(`corpus differs from the frozen manifest (${bad.length} documents changed, ${frozen.length} frozen vs ${entries.length} built)`);
  }
  writeFileSync(CORPUS_FILE, corpus.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const by = (k: (d: CorpusDoc) => string) => corpus.reduce<Record<string, number>>((m, d) => ((m[k(d)] = (m[k(d)] ?? 0) + 1), m), {});
  console.log(`${corpus.length} documents, ${corpus.reduce((n, d) => n + d.mentions.length, 0)} mentions, ${Object.keys(by((d) => d.outlet)).length} outlets`);
  console.log('by language/split:', by((d) => `${d.language}/${d.split}`));
  console.log('by outlet:', by((d) => d.outlet));
}

if (require.main === module) main();
