import { BREAKS, STARTS, charRuns, isWhiteSpace, runRoles } from './char-runs';
import { STOPWORDS } from './text-stats';

export const KEYWORD_EXTRACTOR = { extractor: 'newswire-rake', version: '0.1.0' } as const;

export interface Keyword {
  text: string;
  score: number;
}

/**
 * The maximal runs of the characters a phrase's words are made of (letters, digits, apostrophes, hyphens) as [start, end]
 * pairs: what `/[\p{L}\p{N}'’-]+/gu` matches.
 */
export function phraseWordSpans(text: string): number[] {
  return charRuns(text, PHRASE_CHARS);
}
const PHRASE_CHARS = runRoles((code) => (/[\p{L}\p{N}'’-]/u.test(String.fromCodePoint(code)) ? STARTS : BREAKS));

/**
 * Whether the gap between two words ends a phrase: punctuation or a paragraph break in it (a lone space never does).
 * A gap holds no phrase character, so anything in it but white space is punctuation (a symbol, a mark, a dash), and
 * white space alone breaks at its second line end.
 */
export function breaksPhrase(text: string, from: number, to: number): boolean {
  let lineEnds = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) lineEnds++;
    else if (!isWhiteSpace(code)) return true;
  }
  return lineEnds >= 2;
}

/**
 * RAKE (Rose et al. 2010): candidate phrases are the word runs between
 * stopwords and punctuation; a word scores degree/frequency, a phrase the sum
 * of its words. Phrases in the headline count twice, as editors put the topic there.
 */
export function extractKeywords(headline: string, body: string, max = 8): Keyword[] {
  // Each phrase once per occurrence with its weight (a headline's phrase counts twice), its text made once: the counts
  // and the scores below both look phrases up by it.
  const phrases: string[][] = [];
  const keys: string[] = [];
  const weights: number[] = [];
  const push = (phrase: string[], weight: number) => {
    // A phrase of more than four words counts for nothing below (neither its words' degrees nor as a keyword).
    if (phrase.length > 4) return;
    phrases.push(phrase);
    // Only a phrase of three words or fewer is scored, so only it needs a key; a four-word one gets an empty key, which no
    // scored phrase has (a phrase's words are never empty).
    keys.push(phrase.length > 3 ? '' : phrase.join(' '));
    weights.push(weight);
  };
  const collect = (text: string, weight: number) => {
    // One pass over the words: a phrase breaks at a short, stop or number word, and where the gap before a
    // word holds punctuation or a paragraph break (splitting paragraphs, then at punctuation, then at spaces
    // made the same phrases in three passes and was most of this extractor's time).
    let cur: string[] = [];
    let prevEnd = 0;
    const spans = phraseWordSpans(text);
    for (let k = 0; k < spans.length; k += 2) {
      const start = spans[k];
      if (cur.length && breaksPhrase(text, prevEnd, start)) {
        push(cur, weight);
        cur = [];
      }
      prevEnd = spans[k + 1];
      const w = phraseWord(text, start, prevEnd);
      if (w === null) {
        if (cur.length) push(cur, weight);
        cur = [];
      } else cur.push(w);
    }
    if (cur.length) push(cur, weight);
  };
  collect(headline, 2);
  collect(body, 1);
  // A word's frequency and degree in one record: one lookup per word where two maps took four.
  const words = new Map<string, { freq: number; degree: number }>();
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i];
    const weight = weights[i];
    for (const w of p) {
      const stats = words.get(w);
      if (stats) {
        stats.freq += weight;
        stats.degree += weight * p.length;
      } else words.set(w, { freq: weight, degree: weight * p.length });
    }
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) if (keys[i]) counts.set(keys[i], (counts.get(keys[i]) ?? 0) + weights[i]);
  const scored = new Map<string, number>();
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i];
    if (p.length > 3) continue;
    const key = keys[i];
    if (scored.has(key)) continue;
    let sum = 0;
    for (const w of p) {
      const stats = words.get(w)!;
      sum += stats.degree / stats.freq;
    }
    // Repetition counts, damped: a phrase said twice is a topic, said ten times not five times more so.
    scored.set(key, sum * Math.log2(1 + (counts.get(key) ?? 1)));
  }
  // A phrase inside a better-scored one is left out; only the first `max` are needed, so stop there
  // (the whole list compared pairwise was most of this function's cost on a long text).
  const pick = (ranked: readonly (readonly [string, number])[]) => {
    const kept: Keyword[] = [];
    for (let i = 0; i < ranked.length && kept.length < max; i++) {
      const [text, score] = ranked[i];
      if (!isInsideBetter(ranked, i)) kept.push({ text, score: Math.round(score * 100) / 100 });
    }
    return kept;
  };
  // The best few first, in the order a stable sort of all gives them: usually enough (sorting every phrase was a tenth of
  // this extractor's time); where too many of them lie inside better ones, all are sorted after all.
  const best = bestFirst(scored, max * 4);
  const kept = pick(best);
  return kept.length < max && best.length < scored.size ? pick([...scored].sort((a, b) => b[1] - a[1])) : kept;
}

/** The `limit` highest-scored entries, highest first, an earlier entry before a later one of the same score. */
function bestFirst(scored: ReadonlyMap<string, number>, limit: number): [string, number][] {
  const best: [string, number][] = [];
  for (const entry of scored) {
    if (best.length === limit && entry[1] <= best[limit - 1][1]) continue;
    let at = best.length;
    while (at > 0 && best[at - 1][1] < entry[1]) at--;
    best.splice(at, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best;
}

/**
 * The word as a phrase holds it, or null where it breaks phrases (short, stopword, number). Computed each time: a
 * memo of every written word was slower here than the test itself, its large table cold beside the entity extractor's.
 */
function phraseWord(text: string, start: number, end: number): string | null {
  // A word of one or two ASCII characters is short however it is cleaned: not copied out of the text ("a", "of", "to" are a
  // fifth of the words). (Lower-casing may lengthen other characters: "İ" becomes two.)
  if (end - start < 3 && text.charCodeAt(start) < 0x80 && (end - start < 2 || text.charCodeAt(start + 1) < 0x80)) return null;
  const clean = cleanWord(text.slice(start, end));
  return clean.length < 3 || startsWithDigit(clean) || STOPWORDS.has(clean) ? null : clean;
}

/** What `/^\d/` says, by character code. */
function startsWithDigit(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Lower case, without a possessive 's or edge hyphens and apostrophes. */
function cleanWord(raw: string): string {
  const lower = raw.toLowerCase();
  // Most words have neither; the two replacements below were a fifth of this extractor's time.
  if (!HAS_EDGE_MARKS.test(lower)) return lower;
  return lower.replace(/['’]s$/, '').replace(/^[-'’]+|[-'’]+$/g, '');
}
const HAS_EDGE_MARKS = /['’-]/;

function isInsideBetter(ranked: readonly (readonly [string, number])[], i: number): boolean {
  for (let j = 0; j < i; j++) if (ranked[j][0].includes(ranked[i][0])) return true;
  return false;
}
