/**
 * Compares the blend modes (libs/enrichment/src/lib/ner/blend.ts) on the
 * numbers the per-language choice in blend.ts was made on: the multilingual
 * corpus's DEV split, the first ("choose") half of the held-out WikiNEuRal
 * test split, and the English hand-written set. Never reads the corpus's
 * test split nor the WikiNEuRal "report" half.
 *
 *   npx ts-node -P tsconfig.tools.json tools/ner/choose-blend.ts
 */
import { BLEND_MODES, type BlendMode, extractEntities, MODEL_LANGUAGES } from '@newswire/enrichment';
import type { CorpusDoc } from '../eval/build-multilingual-set';
import { type Counts, fold, readArticles, score, TYPES } from '../eval/entity-score';
import { countEntities, foldWith, loadCorpus, microF1, type Surfaces } from '../eval/eval-multilingual';
import { modernDocs } from './modern-set';

export function surfacesWith(blend?: BlendMode): (d: CorpusDoc) => Surfaces {
  return (d) => {
    const e = extractEntities(d.text, { language: d.language, ...(blend ? { blend } : {}) });
    const forms = (list: { surfaceForms: string[] }[]) => list.flatMap((x) => x.surfaceForms);
    return { person: forms(e.people), organisation: forms(e.organisations), place: forms(e.places) };
  };
}

function compare(label: string, docs: CorpusDoc[]): void {
  const f = foldWith(fold);
  const line = BLEND_MODES.map((blend) => `${blend}=${microF1(countEntities(docs, surfacesWith(blend), f)).toFixed(3)}`);
  console.log(`[${label}] ${docs.length} docs  ${line.join('  ')}`);
}

function english(): void {
  const articles = readArticles();
  const line = BLEND_MODES.map((blend) => {
    const all: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const a of articles) {
      const e = extractEntities(`${a.headline}\n\n${a.bodyText}`, { bodyStart: a.headline.length + 2, language: 'en', blend });
      const names = { person: e.people, organisation: e.organisations, place: e.places };
      for (const t of TYPES)
        score(
          a.entities.filter((g) => g.type === t),
          names[t].map((x) => x.name),
          all,
        );
    }
    return `${blend}=${((2 * all.tp) / Math.max(1, 2 * all.tp + all.fp + all.fn)).toFixed(3)}`;
  });
  console.log(`[English hand-written set] ${articles.length} articles  ${line.join('  ')}`);
}

function main(): void {
  const corpus = loadCorpus() ?? [];
  for (const language of [...new Set(corpus.map((d) => d.language))])
    compare(
      `dev ${language}`,
      corpus.filter((d) => d.split === 'dev' && d.language === language),
    );
  for (const language of MODEL_LANGUAGES) compare(`WikiNEuRal test, choose half, ${language}`, modernDocs(language, 'choose'));
  english();
}

if (require.main === module) main();
