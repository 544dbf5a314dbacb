/**
 * CoNLL-U-like NER files (token index, word, BIO tag) from the local git
 * snapshots of the training corpora, and span-level scoring of the tagger.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { LABELS, spansOf, Tagger, type TaggedSpan } from '@newswire/enrichment';

export const MIRROR = process.env.ENTITY_CORPUS_MIRROR ?? '/work/.mirror';

export interface Sentence {
  words: string[];
  labels: Uint8Array;
}

export interface Source {
  repo: string;
  commit: string;
  path: string;
  licence: string;
  /** "bio": one "word tag" pair a line and no sentence breaks (Europeana Newspapers); cut at full stops. */
  format?: 'conllu' | 'bio';
}

/** Longest pseudo-sentence cut from a file without sentence breaks. */
const MAX_SENTENCE = 60;

export function readSource(s: Source): string {
  const git = join(MIRROR, s.repo.replace('/', '+'), 'repo');
  return execFileSync('git', ['--git-dir', git, 'show', `${s.commit}:${s.path}`], { maxBuffer: 1 << 28, encoding: 'utf8' });
}

/** MISC is not a type this project extracts: it becomes O. A stray I-X opens a span as B-X. */
export function parseConllu(text: string, bio = false): Sentence[] {
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
    let tag = (LABELS as readonly string[]).indexOf(cols[cols.length - 1].trim());
    if (tag < 0) tag = 0;
    const prev = tags.length ? tags[tags.length - 1] : 0;
    if (tag % 2 === 0 && tag !== 0 && prev !== tag && prev !== tag - 1) tag -= 1;
    words.push(cols[bio ? 0 : 1]);
    tags.push(tag);
    if (bio && ((tag === 0 && /^[.!?]$/.test(cols[0])) || words.length >= MAX_SENTENCE)) flush();
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
