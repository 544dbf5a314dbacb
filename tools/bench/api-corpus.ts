/**
 * A fixed-seed archive for the query benchmark: article i is the same in every run, so a store
 * can be filled in parts and extended. Stories arrive on a fixed timeline (START + ~31.5 s each,
 * in storage batches of 1-20 sharing one storedAt), so 1,000,000 articles span a year.
 *
 * Distributions (Zipf unless said): ~40,000 words (s=1.07) in bodies of 120-1,200 words
 * (log-normal around 380); people from a pool of 30,000 names (0-7 per story), organisations
 * 15,000 (0-5), places 8,000 (1-6, one of 40 capitals in half the stories), 120 subject codes
 * (1-3), 40 sources, 12 languages (English 62 %); 10 % of stories stored at a second version,
 * 0.3 % killed, 0.2 % withheld, 5 % with a recorded duplicate; 2 % backfilled (created years
 * before they were stored). Entities are named in the text, so their words are search terms too.
 */
import type { ArticleDeduplicated } from '@newswire/contracts';
import { random } from '../shared/random';

export const START_MS = Date.UTC(2025, 11, 1);
export const MEAN_GAP_MS = 31_536;

/** The seeded generator every generated corpus uses. */
export const rng = random;

/** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    s: number,
  ) {
    this.cdf = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) this.cdf[r] = total += 1 / (r + 1) ** s;
    for (let r = 0; r < n; r++) this.cdf[r] /= total;
  }

  draw(random: () => number): number {
    const u = random();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const SYLLABLES = 'ka lo mi ne ru sa te vi do pe ga fu zo ri ma no shi ta be lu ar en ol ix um'.split(' ');

/** A pronounceable word for each rank: syllables spell the rank in base 25. */
function wordOf(rank: number, min = 2): string {
  let n = rank + SYLLABLES.length ** (min - 1);
  let w = '';
  while (n > 0) {
    w = SYLLABLES[n % SYLLABLES.length] + w;
    n = Math.floor(n / SYLLABLES.length);
  }
  return w;
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

export const VOCABULARY = Array.from({ length: 40_000 }, (_, r) => wordOf(r));
export const PEOPLE = Array.from({ length: 30_000 }, (_, r) => `${cap(wordOf(r % 400, 2))} ${cap(wordOf(1000 + Math.floor(r / 400) * 7 + (r % 7), 3))}`);
const ORG_KINDS = ['Group', 'Bank', 'Ministry', 'Council', 'Party', 'Holdings', 'Union', 'Agency', 'Institute', 'Federation', 'Airlines', 'Energy'];
export const ORGANISATIONS = Array.from({ length: 15_000 }, (_, r) => `${cap(wordOf(500 + r, 2))} ${ORG_KINDS[r % ORG_KINDS.length]}`);
export const PLACES = Array.from({ length: 8_000 }, (_, r) => cap(wordOf(3000 + r * 3, 2)));
export const SUBJECTS = Array.from({ length: 120 }, (_, r) => `medtop:${String(1 + (r % 17)).padStart(2, '0')}${String(Math.floor(r / 17) * 10000).padStart(6, '0')}`);
export const SOURCES = Array.from({ length: 40 }, (_, r) => `${cap(wordOf(7000 + r, 2))} Wire`);
export const LANGUAGES: [string, number][] = [
  ['en', 62], ['de', 9], ['fr', 8], ['es', 8], ['it', 4], ['pt', 3], ['nl', 2], ['sv', 1], ['pl', 1], ['ja', 1], ['zh', 0.6], ['ar', 0.4],
];

export const zipf = {
  words: new Zipf(VOCABULARY.length, 1.07),
  people: new Zipf(PEOPLE.length, 1.0),
  organisations: new Zipf(ORGANISATIONS.length, 1.0),
  places: new Zipf(PLACES.length, 1.1),
  subjects: new Zipf(SUBJECTS.length, 1.2),
  sources: new Zipf(SOURCES.length, 1.3),
};

function language(random: () => number): string {
  let u = random() * 100;
  for (const [code, share] of LANGUAGES) if ((u -= share) < 0) return code;
  return 'en';
}

function distinct(random: () => number, count: number, z: Zipf, pool: string[]): string[] {
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 4; tries++) out.add(pool[z.draw(random)]);
  return [...out];
}

/** Where article i sits on the timeline: storage batches of 1-20 share one storedAt. */
export function storedAtOf(i: number): number {
  const batch = Math.floor(i / 10);
  const r = rng(0x5eed0000 + batch);
  // Each block of 10 articles keeps the mean gap; its split into 1-3 batches varies.
  const base = START_MS + batch * 10 * MEAN_GAP_MS;
  const cut1 = 1 + Math.floor(r() * 9);
  const cut2 = cut1 + Math.floor(r() * (10 - cut1));
  const k = i % 10;
  const slot = k < cut1 ? 0 : k < cut2 ? 1 : 2;
  return base + Math.floor((slot * 10 * MEAN_GAP_MS) / 3 + r() * 1000);
}

export interface BenchStory {
  message: ArticleDeduplicated;
  storedAt: Date;
  /** Set when the story's stored version is its second: the first, older version's message. */
  firstVersion?: ArticleDeduplicated;
  /** A duplicate recorded against this story. */
  duplicate?: ArticleDeduplicated;
}

function sentence(random: () => number, names: string[]): string {
  const n = 8 + Math.floor(random() * 14);
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(VOCABULARY[zipf.words.draw(random)]);
  if (names.length && random() < 0.5) words.splice(1 + Math.floor(random() * (n - 1)), 0, names[Math.floor(random() * names.length)]);
  return `${cap(words.join(' '))}.`;
}

function entity(name: string, random: () => number, offset: number) {
  const mentions = 1 + Math.floor(random() * 4);
  return { name, mentions, surfaceForms: [name], firstOffset: offset, salience: Math.round(random() * 1000) / 1000 };
}

/** Article i: the message the deduplicator would have passed to storage, and when it was stored. */
export function benchStory(i: number): BenchStory {
  const random = rng(0xa11ce + i * 7919);
  const storedAtMs = storedAtOf(i);
  const source = SOURCES[zipf.sources.draw(random)];
  const lang = language(random);
  const people = distinct(random, Math.floor(random() * random() * 8), zipf.people, PEOPLE);
  const organisations = distinct(random, Math.floor(random() * 6), zipf.organisations, ORGANISATIONS);
  const places = distinct(random, 1 + Math.floor(random() * random() * 6), zipf.places, PLACES);
  const subjects = distinct(random, 1 + Math.floor(random() * 3), zipf.subjects, SUBJECTS);
  const names = [...people, ...organisations, ...places];
  // Log-normal body length around 380 words, 120-1200.
  const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const targetWords = Math.min(1200, Math.max(120, Math.round(380 * Math.exp(0.45 * gauss))));
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const p: string[] = [];
    for (let s = 0; s < 2 + Math.floor(random() * 3); s++) {
      const text = sentence(random, names);
      words += text.split(' ').length;
      p.push(text);
    }
    paragraphs.push(p.join(' '));
  }
  const bodyText = paragraphs.join('\n\n');
  const headline = sentence(random, names).replace(/\.$/, '');
  const createdMs = random() < 0.02 ? storedAtMs - (30 + Math.floor(random() * 2000)) * 86_400_000 : storedAtMs - Math.floor(random() * 7_200_000);
  const created = new Date(createdMs).toISOString();
  const id = `bench-${i.toString(36)}-${Math.floor(random() * 2 ** 32).toString(36)}`;
  const uri = `urn:bench:${source.split(' ')[0].toLowerCase()}:${i}`;
  const second = random() < 0.1;
  const status = random();
  const pubStatus = status < 0.003 ? 'canceled' : status < 0.005 ? 'withheld' : 'usable';
  const message = (version: number, articleId: string): ArticleDeduplicated => ({
    article: {
      id: articleId,
      uri,
      version,
      firstCreated: created,
      versionCreated: new Date(createdMs + (version - 1) * 1_800_000).toISOString(),
      pubStatus: version === 2 || !second ? pubStatus : 'usable',
      signals: version === 2 ? ['update'] : [],
      language: lang,
      headline,
      byline: `By ${PEOPLE[(i * 31) % PEOPLE.length]}`,
      dateline: `${places[0].toUpperCase()}, ${new Date(storedAtMs).toUTCString().slice(5, 16)}`,
      bodyText,
      bodyHtml: i % 2 === 0 ? paragraphs.map((p) => `<p>${p}</p>`).join('\n') : undefined,
      description: paragraphs[0].slice(0, 160),
      subjects: [],
      keywords: [],
      people: [],
      organisations: [],
      places: [],
      provider: source,
      links: [],
      renditions: [],
      source: { format: 'json', contentType: 'application/json', channel: 'http', receivedAt: new Date(storedAtMs - 800).toISOString() },
    },
    enrichment: {
      language: lang,
      languageConfidence: 0.9,
      languageSupported: lang === 'en' || lang === 'de' || lang === 'fr' || lang === 'es',
      wordCount: words,
      readingTimeSeconds: Math.round(words / 3.8),
      people: people.map((n) => entity(n, random, Math.floor(random() * bodyText.length))),
      organisations: organisations.map((n) => entity(n, random, Math.floor(random() * bodyText.length))),
      places: places.map((n) => ({ ...entity(n, random, Math.floor(random() * bodyText.length)), countryCode: 'XX', kind: 'city' })),
      provenance: ['language', 'entities', 'places', 'subjects', 'keywords', 'summary'].map((annotation) => ({ extractor: `newswire-${annotation}`, version: '1.4.0', annotation })),
      enrichedAt: new Date(storedAtMs - 400).toISOString(),
      subjects: subjects.map((code, k) => ({ code, name: `subject ${code.slice(7, 9)}`, score: Math.round((0.9 - k * 0.2) * 1000) / 1000, terms: [] })),
      keywords: Array.from({ length: 6 }, () => ({ text: VOCABULARY[zipf.words.draw(random)], score: Math.round(random() * 1000) / 1000 })),
      summary: paragraphs[0].split('. ').slice(0, 2).join('. '),
      located: { name: places[0], countryCode: 'XX', from: 'entities' },
    },
    dedup: {
      status: version === 2 ? 'new-version' : 'original',
      method: version === 2 ? 'identity' : 'none',
      contentHash: `${i.toString(16).padStart(16, '0')}${version}`,
      clusterId: id,
      storyKey: `${source.toLowerCase()}|${uri}`,
      decidedAt: new Date(storedAtMs - 300).toISOString(),
    },
  });
  const first = message(1, id);
  const story: BenchStory = { message: second ? message(2, `${id}-v2`) : first, storedAt: new Date(storedAtMs) };
  if (second) story.firstVersion = first;
  if (random() < 0.05) {
    const dup = message(1, `${id}-dup`);
    dup.dedup = { ...dup.dedup, status: 'duplicate', method: 'exact', score: 1, duplicateOf: id, storyKey: `other wire|urn:copy:${i}` };
    story.duplicate = dup;
  }
  return story;
}
