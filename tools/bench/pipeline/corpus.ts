/**
 * The benchmark's stories: distinct 3-5 KB articles made of real wire copy
 * (sentences of the fixture corpus and evaluation sets), plus a controlled
 * share of re-sends under new uris, as agencies and aggregators do: exact
 * copies (same headline and text) and near copies (a few words changed).
 * Each re-send comes after its original in the sending order. Seeded, so a
 * run can be repeated with the same stories.
 */
import { random } from '../../faults/harness/stories';

export type StoryKind = 'original' | 'exact' | 'near';

export interface BenchStory {
  uri: string;
  /** The JSON body posted to the ingester (the platform's canonical article). */
  body: string;
  kind: StoryKind;
  /** For a re-send: the uri of the story it copies. */
  copyOf?: string;
  /** UTF-8 bytes of the body text. */
  textBytes: number;
}

export interface CorpusOptions {
  count: number;
  /** Shares of the count sent again under a new uri: unchanged, or with a few words changed. */
  exactShare: number;
  nearShare: number;
  seed: number;
  /** Uris are `<uriPrefix>:<n>`; one prefix per phase keeps phases apart in the archive. */
  uriPrefix: string;
  provider: string;
  minBytes?: number;
  maxBytes?: number;
  /** Words changed in a near copy. */
  nearEdits?: number;
}

interface Article {
  uri: string;
  provider: string;
  headline: string;
  bodyText: string;
}

// Words an editor might swap in; none is rare enough to look like a new story.
const EDITS = ['officials', 'reportedly', 'several', 'further', 'late', 'local', 'senior', 'new', 'about'];
// The pool's longest sentence: a body stops growing once it reaches its target, so the target leaves room for one.
const LONGEST_SENTENCE = 400;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function bodyOf(pool: readonly string[], next: () => number, minBytes: number, maxBytes: number): string {
  const target = minBytes + Math.floor(next() * Math.max(1, maxBytes - LONGEST_SENTENCE - minBytes));
  const used = new Set<number>();
  const paragraphs: string[][] = [[]];
  let size = 0;
  while (size < target && used.size < pool.length) {
    const i = Math.floor(next() * pool.length);
    if (used.has(i)) continue;
    used.add(i);
    const sentence = pool[i];
    if (size + bytes(sentence) + 2 > maxBytes) continue;
    let paragraph = paragraphs[paragraphs.length - 1];
    if (paragraph.length === 3) paragraphs.push((paragraph = []));
    size += bytes(sentence) + (paragraph.length === 0 ? (paragraphs.length > 1 ? 2 : 0) : 1);
    paragraph.push(sentence);
  }
  return paragraphs.map((p) => p.join(' ')).join('\n\n');
}

/** `edits` words of the text replaced by others, at distinct random places (paragraph breaks kept). */
export function nearCopyOf(text: string, edits: number, next: () => number): string {
  const words = text.split(' ');
  const editable = words.flatMap((w, i) => (/^[\p{L}\p{N}'-]+[,.;:]?$/u.test(w) ? [i] : []));
  const places = new Set<number>();
  while (places.size < Math.min(edits, editable.length)) places.add(editable[Math.floor(next() * editable.length)]);
  for (const at of places) {
    const choices = EDITS.filter((w) => w !== words[at]);
    const punctuation = /[,.;:]$/.exec(words[at])?.[0] ?? '';
    words[at] = `${choices[Math.floor(next() * choices.length)]}${punctuation}`;
  }
  return words.join(' ');
}

function story(article: Article, kind: StoryKind, copyOf?: string): BenchStory {
  return { uri: article.uri, body: JSON.stringify(article), kind, copyOf, textBytes: bytes(article.bodyText) };
}

/**
 * `count` stories in sending order: originals, and `exactShare` / `nearShare`
 * of the count as re-sends of distinct originals, each placed at a random
 * point after its original.
 */
export function buildCorpus(pool: readonly string[], o: CorpusOptions): BenchStory[] {
  const { minBytes = 3000, maxBytes = 5000, nearEdits = 4 } = o;
  if (pool.length < 50) throw new Error(`the sentence pool has ${pool.length} sentences: too few for distinct stories`);
  const exact = Math.round(o.count * o.exactShare);
  const near = Math.round(o.count * o.nearShare);
  const originals = o.count - exact - near;
  if (originals < exact + near) throw new Error('re-send shares above 50% leave too few originals to copy');
  const next = random(o.seed);
  const made: Article[] = Array.from({ length: originals }, (_, n) => {
    const lead = pool[Math.floor(next() * pool.length)].split(' ').slice(0, 9).join(' ').replace(/[,;:.]+$/, '');
    return { uri: `${o.uriPrefix}:${n}`, provider: o.provider, headline: `${lead} (${n})`, bodyText: bodyOf(pool, next, minBytes, maxBytes) };
  });
  // Sending order: each original at its place, each re-send somewhere after its original.
  const order: { key: number; story: BenchStory }[] = made.map((a, n) => ({ key: n / originals, story: story(a, 'original') }));
  const copied = made.map((_, n) => n);
  for (let i = copied.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [copied[i], copied[j]] = [copied[j], copied[i]];
  }
  for (let r = 0; r < exact + near; r++) {
    const n = copied[r];
    const of = made[n];
    const kind: StoryKind = r < exact ? 'exact' : 'near';
    const copy: Article = { ...of, uri: `${o.uriPrefix}:${originals + r}`, bodyText: kind === 'exact' ? of.bodyText : nearCopyOf(of.bodyText, nearEdits, next) };
    const key = n / originals;
    order.push({ key: key + (1 - key) * next() + 1e-9, story: story(copy, kind, of.uri) });
  }
  return order.sort((a, b) => a.key - b.key).map((e) => e.story);
}

/** `count` distinct articles of wire-story size (3-5 KB, no re-sends), as the enrichment benchmarks time them. */
export function wireSizeArticles(pool: readonly string[], count: number, seed: number): { headline: string; bodyText: string }[] {
  return buildCorpus(pool, { count, exactShare: 0, nearShare: 0, seed, uriPrefix: 'urn:bench', provider: 'Bench Wire' }).map((s) => JSON.parse(s.body) as { headline: string; bodyText: string });
}
