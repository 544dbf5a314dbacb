/**
 * The modern-text check: entity scores on the second ("report") half of
 * WikiNEuRal's test split (NorNE's for Norwegian; tools/ner/modern-set.ts), which no model was
 * trained on and no blend was chosen on. Same scoring as the multilingual
 * corpus. Needs the Babelscape/wikineural snapshot (ENTITY_CORPUS_MIRROR).
 */
import { MODEL_LANGUAGES } from '@newswire/enrichment';
import { germanNewsDocs, modernDocs, pudNewsDocs } from '../ner/modern-set';
import { PUD_NEWS } from '../ner/sources';
import { surfacesWith } from '../ner/choose-blend';
import { PROJECTED_PUD_LANGUAGES, projectedPudDocs } from './pud/labels';
import type { CorpusDoc } from './build-multilingual-set';
import { compromise, countEntities, type Fold, foldWith, microF1 } from './eval-multilingual';

export function evalModern(baseFold: Fold): void {
  const fold = foldWith(baseFold);
  console.log("\nmodern-text check: WikiNEuRal test split (nb: NorNE's Bokmål UD test; sv: the Swedish NER corpus's test file; da: UNER Danish-DDT's; fi: Turku NER's), report half (held out from training and from the blend choice)");
  for (const language of MODEL_LANGUAGES) {
    let docs: CorpusDoc[];
    try {
      docs = modernDocs(language, 'report');
    } catch (e) {
      console.log(`  ${language}: held-out snapshot unavailable (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    console.log(`[modern ${language}] ${docs.length} docs  entities-f1: ${scores(docs, fold)}`);
  }
  try {
    const news = germanNewsDocs('report');
    console.log(`[news de] ${news.length} docs (GermEval 2014 news sentences not trained on, report half)  entities-f1: ${scores(news, fold)}`);
  } catch (e) {
    console.log(`  news de: GermEval snapshot unavailable (${(e as Error).message.split('\n')[0]})`);
  }
  for (const language of Object.keys(PUD_NEWS)) {
    try {
      const pud = pudNewsDocs(language, 'report');
      console.log(`[news ${language} pud] ${pud.length} docs (Universal NER Parallel UD news sentences, report half)  entities-f1: ${scores(pud, fold)}`);
    } catch (e) {
      console.log(`  news ${language} pud: Universal NER snapshot unavailable (${(e as Error).message.split('\n')[0]})`);
    }
  }
  for (const language of PROJECTED_PUD_LANGUAGES) {
    try {
      const pud = projectedPudDocs(language, 'report');
      console.log(`[news ${language} pud] ${pud.length} docs (Parallel UD news sentences, labels projected from Universal NER's English and checked by hand, report half)  entities-f1: ${scores(pud, fold)}`);
    } catch (e) {
      console.log(`  news ${language} pud: Parallel UD snapshot unavailable (${(e as Error).message.split('\n')[0]})`);
    }
  }
}

function scores(docs: CorpusDoc[], fold: ReturnType<typeof foldWith>): string {
  const systems = { project: surfacesWith(), rules: surfacesWith('rules'), model: surfacesWith('model'), compromise };
  return Object.entries(systems)
    // Three places: a change of one mention in a 25-document half moves the score by about 0.003.
    .map(([name, run]) => `${name}=${microF1(countEntities(docs, run, fold)).toFixed(3)}`)
    .join(' ');
}
