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
  // Term index -> count, in the order the terms first occur (topTerms breaks ties by it).
  const byTerm = new Map<number, number>();
  const vocabulary = vocabularyOf(model);
  const rows = vocabulary.rows;
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
    const term = vocabulary.termOf(word);
    if (term < 0) continue;
    n++;
    const row = term * k;
    for (let i = 0; i < k; i++) ll[i] += rows[row + i];
    byTerm.set(term, (byTerm.get(term) ?? 0) + 1);
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
  return ranked.map(({ i, code, name, score }) => ({ code, name, score, terms: topTerms(vocabulary, k, byTerm, i) }));
}

/**
 * A model's vocabulary as numbers, made once per model: each term's log-probabilities one row of a flat array and its
 * mean over the topics beside it, so an article reads rows by index (no per-term record or map lookup) and computes no
 * mean (the per-article means were a tenth of the classifier's time).
 */
interface Vocabulary {
  terms: string[];
  /** Term t's log-probability under topic i at t * topics + i. */
  rows: Float64Array;
  /** Term t's mean log-probability over all topics. */
  means: Float64Array;
  /**
   * A written word's term index, or -1 where the model does not know it, remembered per written word: one lookup per word
   * of the text where the feature's memo and then the vocabulary were two.
   */
  termOf: (word: string) => number;
}

function vocabularyOf(model: SubjectModel): Vocabulary {
  let vocabulary = VOCABULARIES.get(model);
  if (!vocabulary) {
    const k = model.topics.length;
    const entries = Object.entries(model.logProb);
    // Terms looked up in a Map, not in the model's plain object: there an article with the word "constructor" found
    // Object.prototype's constructor function and the classifier threw.
    const index = new Map<string, number>();
    const terms: string[] = [];
    const rows = new Float64Array(entries.length * k);
    const means = new Float64Array(entries.length);
    for (const [term, logProb] of entries) {
      const t = terms.length;
      index.set(term, t);
      terms.push(term);
      for (let i = 0; i < k; i++) rows[t * k + i] = logProb[i];
      // Summed in topic order, as the mean was per article: the same double.
      means[t] = logProb.reduce((a, b) => a + b, 0) / k;
    }
    const termOf = boundedMemo(50_000, (word: string): number => {
      const term = featureOf(word);
      return term === null ? -1 : (index.get(term) ?? -1);
    });
    vocabulary = { terms, rows, means, termOf };
    VOCABULARIES.set(model, vocabulary);
  }
  return vocabulary;
}
const VOCABULARIES = new WeakMap<SubjectModel, Vocabulary>();

/** Terms whose probability under this topic most exceeds their average over all topics. */
function topTerms(vocabulary: Vocabulary, k: number, byTerm: Map<number, number>, i: number): string[] {
  // The best TOP_TERMS kept as the terms go by, a tie after the earlier term (as a stable sort of all would order them),
  // instead of listing and sorting every term of the article for each of the three topics.
  const best: { term: number; value: number }[] = [];
  for (const [term, count] of byTerm) {
    const value = count * (vocabulary.rows[term * k + i] - vocabulary.means[term]);
    if (!(value > 0) || (best.length === TOP_TERMS && value <= best[TOP_TERMS - 1].value)) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].value < value) at--;
    best.splice(at, 0, { term, value });
    if (best.length > TOP_TERMS) best.pop();
  }
  return best.map((b) => vocabulary.terms[b.term]);
}
const TOP_TERMS = 5;
