import { dynamicFeatures, N_DYNAMIC, N_LABELS, N_STATIC, SentenceFeatures, type TokenLexicon } from './features';

/** Weights of one language: N_LABELS scores per hashed feature slot (2^bits slots). */
export interface TaggerWeights {
  bits: number;
  weights: Float32Array | Int16Array;
}

export type SpanType = 'person' | 'organisation' | 'place';
const TYPE_OF: Record<number, SpanType> = {
  1: 'person',
  3: 'organisation',
  5: 'place',
};

/** A tagged name: tokens [from, to) of the input. */
export interface TaggedSpan {
  type: SpanType;
  from: number;
  to: number;
}

/** "I-ORG" may only continue "B-ORG" or "I-ORG": labels 2, 4, 6 follow 1|2, 3|4, 5|6. */
export function allowed(label: number, prev: number): boolean {
  return label % 2 === 1 || label === 0 || prev === label || prev === label - 1;
}

/**
 * Greedy left-to-right decoding (each tag sees the two before it), BIO
 * constrained; a long lower-case word does not continue a person's name
 * (places and organisations keep lower-case adjectives: "République
 * tchèque", "Commission européenne"; constraining places cost 0.01 F1). Writes one label per token of `f` into `out`; `scores` is
 * scratch of N_LABELS. Shared by training and inference.
 */
export function decodeSentence(m: TaggerWeights, f: SentenceFeatures, out: Uint8Array, onToken?: (k: number, dyn: Int32Array, predicted: number) => void, from = 0, to = f.length): void {
  const w = m.weights;
  const scores = SCRATCH.scores;
  const dyn = SCRATCH.dyn;
  let prev = 0;
  let prev2 = 0;
  for (let k = from; k < to; k++) {
    // The seven labels' sums in locals, added in the same order as a loop over them would (the same doubles): the
    // weight reads are this tagger's cost, and locals keep the sums out of memory between them.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    const base = k * N_STATIC;
    dynamicFeatures(dyn, m.bits, prev, prev2, f.lower[k], f.shape[k]);
    // The static features, then the dynamic ones (the order the sums were always made in).
    for (let j = 0; j < N_STATIC + N_DYNAMIC; j++) {
      const o = (j < N_STATIC ? f.index[base + j] : dyn[j - N_STATIC]) * N_LABELS;
      s0 += w[o];
      s1 += w[o + 1];
      s2 += w[o + 2];
      s3 += w[o + 3];
      s4 += w[o + 4];
      s5 += w[o + 5];
      s6 += w[o + 6];
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
    scores[3] = s3;
    scores[4] = s4;
    scores[5] = s5;
    scores[6] = s6;
    let best = 0;
    const lower = f.longLower[k] === 1;
    for (let l = 1; l < N_LABELS; l++) if (allowed(l, prev) && !(lower && l === I_PER) && scores[l] > scores[best]) best = l;
    out[k] = best;
    onToken?.(k, dyn, best);
    prev2 = prev;
    // Training sees its own history too (not the gold one), as inference will.
    prev = best;
  }
}

const I_PER = 2;
// decodeSentence adds the labels' scores in seven locals.
if (N_LABELS !== 7) throw new Error(`the decoder is written for 7 labels, the model has ${N_LABELS}`);
const SCRATCH = {
  scores: new Float64Array(N_LABELS),
  dyn: new Int32Array(N_DYNAMIC),
};

/** BIO labels -> spans (token indices relative to `offset`). */
export function spansOf(labels: Uint8Array, length: number, offset: number, into: TaggedSpan[]): void {
  let open = -1;
  for (let k = 0; k <= length; k++) {
    const l = k < length ? labels[k] : 0;
    const continues = l !== 0 && l % 2 === 0 && open >= 0;
    if (open >= 0 && !continues) {
      into.push({
        type: TYPE_OF[labels[open]],
        from: offset + open,
        to: offset + k,
      });
      open = -1;
    }
    if (l % 2 === 1) open = k;
  }
}

/** Tokens decoded on each side of a capitalised word ("Oscar de la Renta", "the White House"). */
const WINDOW = 2;

/** Reusable tagger over one model: scratch buffers are per instance, so one instance per thread. */
export class Tagger {
  private readonly f: SentenceFeatures;
  private labels = new Uint8Array(64);

  constructor(
    private readonly model: TaggerWeights,
    private readonly lexicon: TokenLexicon,
  ) {
    this.f = new SentenceFeatures(model.bits);
  }

  /**
   * Tags a document given as words with sentence-start marks: each sentence
   * is decoded on its own, as in training.
   */
  tag(words: readonly string[], sentStart: (i: number) => boolean): TaggedSpan[] {
    const spans: TaggedSpan[] = [];
    for (let from = 0; from < words.length; ) {
      let to = from + 1;
      while (to < words.length && !sentStart(to)) to++;
      this.tagRange(words, from, to, sentStart(from), spans);
      from = to;
    }
    return spans;
  }

  /**
   * Tags words [from, to) as one sentence. With `needed` (token ranges of the whole input), only the windows that overlap
   * one of them (and the windows overlapping those) are decoded: each window is decoded on its own from no previous label,
   * so every span touching a needed range is the same as without it.
   */
  tagRange(words: readonly string[], from: number, to: number, sentenceInitial: boolean, into: TaggedSpan[], needed?: readonly { from: number; to: number }[]): void {
    const f = this.f;
    const n = to - from;
    f.compute(words, from, to, this.lexicon, sentenceInitial, false);
    if (this.labels.length < n) this.labels = new Uint8Array(Math.max(n, this.labels.length * 2));
    this.labels.fill(0, 0, n);
    // Weight lookups are the cost (random reads in a 3.5 MB table): only windows of WINDOW tokens
    // around capitalised words are decoded, the rest of the sentence is O.
    // The end of the last window decoded: a window overlapping it is decoded too, as it rewrites that window's last labels.
    let decodedEnd = -1;
    for (let k = 0; k < n; ) {
      if (!f.capital[k]) {
        k++;
        continue;
      }
      const start = Math.max(0, k - WINDOW);
      let last = k;
      for (let j = k + 1; j < n && j <= last + 2 * WINDOW; j++) if (f.capital[j]) last = j;
      const end = Math.min(n, last + 1 + WINDOW);
      if (needed && start >= decodedEnd && !needed.some((r) => r.from < from + end && from + start < r.to)) {
        k = end;
        continue;
      }
      decodedEnd = end;
      f.rows(start, end);
      decodeSentence(this.model, f, this.labels, undefined, start, end);
      k = end;
    }
    spansOf(this.labels, n, from, into);
  }
}
