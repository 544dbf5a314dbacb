/**
 * CoNLL-U-like NER files (token index, word, BIO tag) from the local git
 * snapshots of the training corpora, and span-level scoring of the tagger.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, spansOf, Tagger, type TaggedSpan } from '@newswire/enrichment';

export const MIRROR = process.env.ENTITY_CORPUS_MIRROR ?? '/work/.mirror';

export interface Sentence {
  words: string[];
  labels: Uint8Array;
  /** Whether a space follows each word as written (UD's SpaceAfter); absent: words joined by spaces. */
  spaceAfter?: boolean[];
}

export interface Source {
  repo: string;
  commit: string;
  path: string;
  licence: string;
  /**
   * "bio": one "word tag" pair a line and no sentence breaks (Europeana Newspapers); cut at full stops.
   * "io": one "word type" pair a line, blank lines between sentences, a bare type (PER, ORG, LOC,
   * MISC, 0) for every word of a name: a run of one type is one name.
   */
  format?: 'conllu' | 'bio' | 'io';
  /** Where the tag is in a conllu line (0-based); default the last column. UNER's iob2 files have it third. */
  tagColumn?: number;
  /** Only these sentences of the file (from, to: indexes of its sentences): a file split between training and a check. */
  range?: [number, number];
  /** `path` is a folder: every file below it, in path order. */
  folder?: boolean;
  /** Files (same repository and commit) whose sentences are left out of this one: held-out splits. */
  exclude?: string[];
}

/** Longest pseudo-sentence cut from a file without sentence breaks. */
const MAX_SENTENCE = 60;

export function readSource(s: Source): string {
  const snapshot = join(MIRROR, s.repo.replace('/', '+'), 'repo');
  // Most snapshots are bare; some come with a work tree.
  const git = existsSync(join(snapshot, '.git')) ? join(snapshot, '.git') : snapshot;
  const show = (path: string) => execFileSync('git', ['--git-dir', git, 'show', `${s.commit}:${path}`], { maxBuffer: 1 << 28, encoding: 'utf8' });
  if (!s.folder) return show(s.path);
  const files = execFileSync('git', ['--git-dir', git, 'ls-tree', '-r', '--name-only', s.commit, `${s.path}/`], { maxBuffer: 1 << 26, encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  return files.map(show).join('\n\n');
}

/**
 * The source's sentences, without those of its `exclude` files, matched on their words (the
 * Norwegian treebank closes a headline with a "|" token its UD release drops).
 */
export function sentencesOf(s: Source): Sentence[] {
  const parsed = s.format === 'io' ? parseIo(readSource(s)) : parseConllu(readSource(s), s.format === 'bio', s.tagColumn);
  const all = s.range ? parsed.slice(...s.range) : parsed;
  if (!s.exclude?.length) return all;
  const key = (x: Sentence) => x.words.filter((w) => w !== '|').join(' ');
  const held = new Set(s.exclude.flatMap((path) => parseConllu(readSource({ ...s, path, folder: false, exclude: undefined }), false, s.tagColumn).map(key)));
  return all.filter((x) => !held.has(key(x)));
}

/**
 * NorNE (Norwegian) writes its tag in the last column as `name=B-GPE_LOC`, after other
 * attributes in UD files; a geo-political entity is a place here whether it acts as a place or
 * as a state ("Norge"), as in the project's labelled sets; products, events and derived names
 * (DRV: "norsk") are not types this project extracts.
 */
const NORNE_TYPES: Record<string, string> = { PER: 'PER', ORG: 'ORG', LOC: 'LOC', GPE_LOC: 'LOC', GPE_ORG: 'LOC' };

function tagOf(column: string): string {
  const named = /(?:^|\|)name=([^|]+)/.exec(column.trim());
  if (!named) return column.trim();
  const [, tag] = named;
  if (tag === 'O') return 'O';
  const type = NORNE_TYPES[tag.slice(2)];
  return type ? `${tag.slice(0, 2)}${type}` : 'O';
}

/** MISC is not a type this project extracts: it becomes O. A stray I-X opens a span as B-X. */
export function parseConllu(text: string, bio = false, tagColumn?: number): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [];
  let tags: number[] = [];
  const flush = () => {
    if (words.length) out.push({ words, labels: Uint8Array.from(tags) });
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const cols = bio ? line.trim().split(/\s+/) : line.split('\t');
    if (cols.length < (bio ? 2 : 3)) continue;
    let tag = (LABELS as readonly string[]).indexOf(tagOf(cols[tagColumn ?? cols.length - 1] ?? 'O'));
    if (tag < 0) tag = 0;
    const prev = tags.length ? tags[tags.length - 1] : 0;
    if (tag % 2 === 0 && tag !== 0 && prev !== tag && prev !== tag - 1) tag -= 1;
    words.push(cols[bio ? 0 : 1]);
    tags.push(tag);
    if (bio && ((tag === 0 && /^[.!?]$/.test(cols[0])) || words.length >= MAX_SENTENCE)) flush();
  }
  flush();
  // CoNLL-2003-style document separators are no sentences.
  return out.filter((x) => !(x.words.length === 1 && x.words[0] === '-DOCSTART-'));
}

/** The "io" format (see Source): a run of words of one type opens with B-, goes on with I-. */
export function parseIo(text: string): Sentence[] {
  const out: Sentence[] = [];
  let words: string[] = [];
  let tags: number[] = [];
  let previous = '';
  const flush = () => {
    if (words.length) out.push({ words, labels: Uint8Array.from(tags) });
    words = [];
    tags = [];
    previous = '';
  };
  for (const line of text.split('\n')) {
    // The training file separates with a tab, the test file with spaces.
    const [word, raw = ''] = line.trim().split(/\s+/);
    if (!word) {
      flush();
      continue;
    }
    const type = ['PER', 'ORG', 'LOC'].includes(raw.trim()) ? raw.trim() : '';
    const tag = type ? `${type === previous ? 'I' : 'B'}-${type}` : 'O';
    words.push(word.trim());
    tags.push(Math.max(0, (LABELS as readonly string[]).indexOf(tag)));
    previous = type;
  }
  flush();
  return out;
}

export interface SpanScore {
  tp: number;
  fp: number;
  fn: number;
}

export const f1 = (c: SpanScore) => (c.tp ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0);

/** Exact-span, exact-type micro scores of the tagger over gold sentences. */
export function scoreTagger(tagger: Tagger, sentences: Sentence[]): SpanScore {
  const c = { tp: 0, fp: 0, fn: 0 };
  for (const s of sentences) {
    const got: TaggedSpan[] = [];
    tagger.tagRange(s.words, 0, s.words.length, true, got);
    const gold: TaggedSpan[] = [];
    spansOf(s.labels, s.words.length, 0, gold);
    const key = (x: TaggedSpan) => `${x.type}:${x.from}:${x.to}`;
    const g = new Set(gold.map(key));
    const tp = got.filter((x) => g.has(key(x))).length;
    c.tp += tp;
    c.fp += got.length - tp;
    c.fn += gold.length - tp;
  }
  return c;
}
