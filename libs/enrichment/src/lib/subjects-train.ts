import { boundedMemo } from './memo';
import { STOPWORDS, stem, words } from './text-stats';

export interface TrainingSet {
  topics: Record<string, { name: string; examples: string[] }>;
}

/** Multinomial naive Bayes with add-one smoothing: log P(word | topic) per vocabulary word. */
export interface SubjectModel {
  version: string;
  topics: { code: string; name: string }[];
  /** word -> log P(word | topic), in `topics` order. */
  logProb: Record<string, number[]>;
  /** log P(unseen word | topic). */
  unseen: number[];
}

/** The model's words in the text: stems of the words that are not stopwords, numbers or too short. */
export function features(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const f = featureOf(w);
    if (f !== null) out.push(f);
  }
  return out;
}

/** A word's feature, or null: remembered per written word (the tests and stemming were most of the classifier's cost). */
export const featureOf = boundedMemo(50_000, (w: string): string | null => (w.length > 2 && !/^\d/.test(w) && !STOPWORDS.has(w.toLowerCase()) ? stem(w) : null));

/** Pure training step; tools/enrichment/train-subjects.ts writes the result to subjects.model.json. */
export function trainSubjectModel(set: TrainingSet, version: string): SubjectModel {
  const topics = Object.entries(set.topics).map(([code, t]) => ({ code, name: t.name }));
  const counts = topics.map(() => new Map<string, number>());
  const vocab = new Set<string>();
  topics.forEach((t, i) => {
    for (const ex of set.topics[t.code].examples)
      for (const f of features(ex)) {
        counts[i].set(f, (counts[i].get(f) ?? 0) + 1);
        vocab.add(f);
      }
  });
  const totals = counts.map((c) => [...c.values()].reduce((a, b) => a + b, 0));
  const logProb: Record<string, number[]> = {};
  for (const w of [...vocab].sort()) logProb[w] = counts.map((c, i) => round4(Math.log(((c.get(w) ?? 0) + 1) / (totals[i] + vocab.size))));
  const unseen = totals.map((t) => round4(Math.log(1 / (t + vocab.size))));
  return { version, topics, logProb, unseen };
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
