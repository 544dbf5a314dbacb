/**
 * Hashed sparse features of the entity tagger. Every feature is a template
 * number mixed with a 32-bit hash of its value, so no feature string is ever
 * built: word forms are hashed once per token, affixes by character range.
 * Training (tools/ner) and inference share this file; changing a template
 * changes FEATURE_SET and old model files are refused.
 */

/** Bumped whenever a template or a hash changes: a model records the set it was trained with. */
export const FEATURE_SET = 'ner-features-2';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Label = (typeof LABELS)[number];
export const N_LABELS = LABELS.length;

/** Static (tag-independent) features per token; the decoder adds DYNAMIC ones from previous tags. */
export const N_STATIC = 24;
export const N_DYNAMIC = 4;

/** Gazetteer membership bits of one token (see TokenLexicon). */
export const GAZ_PLACE = 1;
export const GAZ_ORG = 2;
export const GAZ_FIRST_NAME = 4;
export const GAZ_TITLE = 8;
export const GAZ_COMMON = 16;

/** What the tagger may ask of the lib's gazetteers about one capitalised word. */
export interface TokenLexicon {
  flags(word: string): number;
}

export const NO_LEXICON: TokenLexicon = { flags: () => 0 };

const FNV_OFFSET = 0x811c9dc5;

export function hashRange(s: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** murmur3's finaliser over a template number and a value hash: spreads both over the table. */
export function mix(template: number, value: number): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word shape with runs collapsed, hashed: "Jean-Luc" -> Xx-Xx, "2024" -> d, "EU" -> X. */
function shapeHash(w: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  let n = 0;
  for (let i = 0; i < w.length && n < 8; i++) {
    const c = w.charCodeAt(i);
    let cls: number;
    if (c >= 48 && c <= 57) cls = 1;
    // ASCII by its code (what the case tests below say of it, without a string per character).
    else if (c < 0x80) cls = c >= 65 && c <= 90 ? 2 : c >= 97 && c <= 122 ? 3 : c;
    else {
      const ch = w[i];
      if (ch !== ch.toLowerCase()) cls = 2;
      else if (ch !== ch.toUpperCase()) cls = 3;
      else cls = c; // punctuation keeps its own code
    }
    if (cls === last) continue;
    last = cls;
    n++;
    h ^= cls;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const BOUNDARY = 0x5bd1e995;

/** Per-sentence scratch: hashes of each token's parts, reused across calls. */
export class SentenceFeatures {
  lower = new Uint32Array(64);
  shape = new Uint32Array(64);
  gaz = new Uint8Array(64);
  /** Starts with a capital letter: the tagger decodes only around these (tagger.ts). */
  capital = new Uint8Array(64);
  /** A lower-case word of 4+ letters: never inside a person's name ("Lula da Silva visitou"). */
  longLower = new Uint8Array(64);
  /** N_STATIC table indices (already masked) per token. */
  index = new Int32Array(64 * N_STATIC);
  length = 0;
  private readonly values = new Uint32Array(N_STATIC);
  private words: readonly string[] = [];
  private from = 0;
  private sentenceInitial = false;

  constructor(private readonly bits: number) {}

  private grow(n: number): void {
    if (n <= this.lower.length) return;
    const size = Math.max(n, this.lower.length * 2);
    this.lower = new Uint32Array(size);
    this.shape = new Uint32Array(size);
    this.gaz = new Uint8Array(size);
    this.longLower = new Uint8Array(size);
    this.capital = new Uint8Array(size);
    this.index = new Int32Array(size * N_STATIC);
  }

  /**
   * Fills the static feature indices of one sentence. `sentenceInitial` says
   * whether words[0] starts a sentence (its capital letter says little).
   */
  compute(words: readonly string[], from: number, to: number, lexicon: TokenLexicon, sentenceInitial: boolean, allRows = true): void {
    const n = to - from;
    this.grow(n);
    this.length = n;
    this.words = words;
    this.from = from;
    this.sentenceInitial = sentenceInitial;
    for (let k = 0; k < n; k++) {
      const w = words[from + k];
      const lw = w.toLowerCase();
      this.lower[k] = hashString(lw);
      this.shape[k] = shapeHash(w);
      const c = w.charCodeAt(0);
      this.gaz[k] = w[0] !== lw[0] || (c >= 65 && c <= 90) ? lexicon.flags(w) : 0;
      this.longLower[k] = w.length > 3 && w[0] !== w[0].toUpperCase() ? 1 : 0;
      this.capital[k] = w[0] !== lw[0] ? 1 : 0;
    }
    if (allRows) this.rows(0, n);
  }

  /** The feature rows of tokens [a, b) of the sentence last computed (the tagger asks only for the windows it decodes). */
  rows(a: number, b: number): void {
    const shift = 32 - this.bits;
    for (let k = a; k < b; k++) this.row(this.words[this.from + k], k, this.length, k === 0 && this.sentenceInitial ? 1 : 0, shift);
  }

  /** One token's static features: values into `v`, then mixed with their template number. */
  private row(w: string, k: number, n: number, first: number, shift: number): void {
    const v = this.values;
    const lw = w.toLowerCase();
    const len = lw.length;
    const cap = w[0] !== lw[0] ? 1 : 0;
    const lower = this.lower[k];
    const shape = this.shape[k];
    const gaz = this.gaz[k];
    const prev = this.around(this.lower, k - 1, n);
    const next = this.around(this.lower, k + 1, n);
    v[0] = 1; // bias
    v[1] = lower;
    v[2] = hashString(w); // exact form: case is evidence
    v[3] = prev;
    v[4] = next;
    v[5] = this.around(this.lower, k - 2, n);
    v[6] = this.around(this.lower, k + 2, n);
    v[7] = shape;
    v[8] = this.around(this.shape, k - 1, n);
    v[9] = this.around(this.shape, k + 1, n);
    v[10] = hashRange(lw, 0, Math.min(3, len));
    v[11] = hashRange(lw, Math.max(0, len - 2), len);
    v[12] = hashRange(lw, Math.max(0, len - 3), len);
    v[13] = hashRange(lw, Math.max(0, len - 4), len);
    v[14] = cap * 4 + first * 2 + (len > 3 ? 1 : 0);
    v[15] = gaz * 2 + first;
    v[16] = k > 0 ? this.gaz[k - 1] : 64;
    v[17] = k + 1 < n ? this.gaz[k + 1] : 64;
    v[18] = mix(prev, lower);
    v[19] = mix(lower, next);
    v[20] = mix(mix(v[8], shape), v[9]);
    v[21] = mix(prev, shape);
    v[22] = mix(shape, next);
    v[23] = mix(gaz, prev);
    const base = k * N_STATIC;
    for (let t = 0; t < N_STATIC; t++) this.index[base + t] = mix(t, v[t]) >>> shift;
  }

  /** A neighbour's hash, or a marker per distance beyond the sentence's ends. */
  private around(a: Uint32Array, k: number, n: number): number {
    return k < 0 || k >= n ? BOUNDARY + (k < 0 ? k : k - n + 8) : a[k];
  }
}

/** Indices of the features that depend on the two previous tags (the decoder's state). */
export function dynamicFeatures(out: Int32Array, bits: number, prev: number, prev2: number, lowerHash: number, shapeHash: number): void {
  const shift = 32 - bits;
  out[0] = mix(N_STATIC, prev) >>> shift;
  out[1] = mix(N_STATIC + 1, prev * 16 + prev2) >>> shift;
  out[2] = mix(N_STATIC + 2, mix(prev, lowerHash)) >>> shift;
  out[3] = mix(N_STATIC + 3, mix(prev, shapeHash)) >>> shift;
}
