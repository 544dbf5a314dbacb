import modelJson from '../data/subjects.model.json';
import { boundedMemo } from './memo';
import { featureOf, type SubjectModel } from './subjects-train';
import { STOPWORDS, wordSpans } from './text-stats';

export const SUBJECT_CLASSIFIER = { extractor: 'newswire-subjects-nb', version: modelJson.version } as const;

export interface SubjectScore {
  /** IPTC Media Topic qcode, e.g. "medtop:11000000". */
  code: string;
  name: string;
  /** Posterior probability among the 17 top-level topics. */
  score: number;
  /** The words that pushed this topic up most: the explanation. */
  terms: string[];
}

const DEFAULT_MODEL = modelJson as SubjectModel;

/**
 * Scores every top-level topic. Only words the model knows count (unknown
 * words would add the same penalty to every topic), and the log-likelihood is
 * divided by the square root of the number of such words so long articles do
 * not turn every posterior into 0 or 1.
 */
export function classifySubjects(text: string, model: SubjectModel = DEFAULT_MODEL, top = 3): SubjectScore[] {
  const k = model.topics.length;
  const ll = new Array<number>(k).fill(0);
  const byTerm = new Map<string, number>();
  const vocabulary = vocabularyOf(model);
  const logProb = vocabulary.logProb;
  let n = 0;
  const spans = wordSpans(text);
  for (let s = 0; s < spans.length; s += 2) {
    // A word of one or two characters is never a feature (featureOf): not looked up, not even copied out of the text
    // ("a", "of", "in" are a fifth of the words).
    if (spans[s + 1] - spans[s] <= 2) continue;
    const word = text.slice(spans[s], spans[s + 1]);
    // A stopword as written is never a feature either: asked of the small stopword set, not the large memo ("the", "said",
    // "that" are a third of the longer words, and a lookup in a table of 50,000 words costs its cache misses).
    if (STOPWORDS.has(word)) continue;
    const known = vocabulary.termOf(word);
    if (known === UNKNOWN) continue;
    n++;
    const lp = known.logProb;
    for (let i = 0; i < k; i++) ll[i] += lp[i];
    byTerm.set(known.term, (byTerm.get(known.term) ?? 0) + 1);
  }
  if (n === 0) return [];
  const scaled = ll.map((v) => v / Math.sqrt(n));
  const max = Math.max(...scaled);
  const exp = scaled.map((v) => Math.exp(v - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  // Ranked before the explanations are found: only the `top` topics returned need theirs
  // (finding all 17 was most of this function's cost on a 4 KB article).
  const ranked = model.topics
    .map((t, i) => ({ i, code: t.code, name: t.name, score: Math.round((exp[i] / sum) * 1000) / 1000 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, top);
  const means = termMeans(logProb, k, byTerm);
  return ranked.map(({ i, code, name, score }) => ({ code, name, score, terms: topTerms(logProb, byTerm, means, i) }));
}

interface KnownTerm {
  term: string;
  logProb: readonly number[];
}
/** A written word the model does not know (boundedMemo keeps no undefined). */
const UNKNOWN: KnownTerm = { term: '', logProb: [] };

interface Vocabulary {
  /** The model's vocabulary as a Map. Read as a plain object, an article with the word "constructor" found Object.prototype's constructor function and the classifier threw. */
  logProb: Map<string, readonly number[]>;
  /**
   * A written word's term and row, or UNKNOWN, remembered per written word: one lookup per word of the text
   * where the feature's memo and then the vocabulary were two (the classifier ran on every English article).
   */
  termOf: (word: string) => KnownTerm;
}

/** Made once per model. */
function vocabularyOf(model: SubjectModel): Vocabulary {
  let vocabulary = VOCABULARIES.get(model);
  if (!vocabulary) {
    const logProb = new Map<string, readonly number[]>(Object.entries(model.logProb));
    const termOf = boundedMemo(50_000, (word: string): KnownTerm => {
      const term = featureOf(word);
      const row = term === null ? undefined : logProb.get(term);
      return row && term !== null ? { term, logProb: row } : UNKNOWN;
    });
    vocabulary = { logProb, termOf };
    VOCABULARIES.set(model, vocabulary);
  }
  return vocabulary;
}
const VOCABULARIES = new WeakMap<SubjectModel, Vocabulary>();

/** Each term's mean log-probability over all topics. */
function termMeans(logProb: Map<string, readonly number[]>, k: number, byTerm: Map<string, number>): Map<string, number> {
  const means = new Map<string, number>();
  for (const w of byTerm.keys()) means.set(w, (logProb.get(w) ?? []).reduce((a, b) => a + b, 0) / k);
  return means;
}

/** Terms whose probability under this topic most exceeds their average over all topics. */
function topTerms(logProb: Map<string, readonly number[]>, byTerm: Map<string, number>, means: Map<string, number>, i: number): string[] {
  // The best TOP_TERMS kept as the terms go by, a tie after the earlier term (as a stable sort of all would order them),
  // instead of listing and sorting every term of the article for each of the three topics.
  const best: { term: string; value: number }[] = [];
  for (const [term, count] of byTerm) {
    const value = count * ((logProb.get(term)?.[i] ?? 0) - (means.get(term) ?? 0));
    if (!(value > 0) || (best.length === TOP_TERMS && value <= best[TOP_TERMS - 1].value)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].value < value) at--;
    best.splice(at, 0, { term, value });
    if (best.length > TOP_TERMS) best.pop();
  }
  return best.map((b) => b.term);
}
const TOP_TERMS = 5;
