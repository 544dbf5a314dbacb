import modelJson from '../data/subjects.model.json';
import { features, type SubjectModel } from './subjects-train';

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
  let n = 0;
  for (const f of features(text)) {
    const lp = model.logProb[f];
    if (!lp) continue;
    n++;
    for (let i = 0; i < k; i++) ll[i] += lp[i];
    byTerm.set(f, (byTerm.get(f) ?? 0) + 1);
  }
  if (n === 0) return [];
  const scaled = ll.map((v) => v / Math.sqrt(n));
  const max = Math.max(...scaled);
  const exp = scaled.map((v) => Math.exp(v - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return model.topics
    .map((t, i) => ({ code: t.code, name: t.name, score: Math.round((exp[i] / sum) * 1000) / 1000, terms: topTerms(model, byTerm, i) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, top);
}

/** Terms whose probability under this topic most exceeds their average over all topics. */
function topTerms(model: SubjectModel, byTerm: Map<string, number>, i: number): string[] {
  const k = model.topics.length;
  return [...byTerm]
    .map(([w, c]) => {
      const lp = model.logProb[w];
      const mean = lp.reduce((a, b) => a + b, 0) / k;
      return [w, c * (lp[i] - mean)] as const;
    })
    .filter(([, v]) => v > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([w]) => w);
}
