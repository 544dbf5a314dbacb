/**
 * Scores the project's extractor and compromise on the hand-labelled agency
 * set (modern wire copy from ../shared/fixtures, libs/enrichment/eval/agency/README.md)
 * with the multilingual corpus's scorer: per split, language and type, entity
 * level and mention level, then one line of test micro F1 over all languages.
 * Called by eval-enrichment.ts. The test split is for reading, never for tuning.
 */
import { loadAgencySet } from './build-agency-set';
import { type Fold, scoreByLanguage } from './eval-multilingual';

export function evalAgency(fold: Fold): void {
  const docs = loadAgencySet();
  if (!docs) {
    console.log('\nagency entity set skipped: no fixtures folder (FIXTURES, ../shared/fixtures); see libs/enrichment/eval/agency/README.md');
    return;
  }
  const languages = [...new Set(docs.map((d) => d.language))];
  console.log(`\nagency entity set: ${docs.length} items (${languages.join(', ')}), hand-labelled, mention surfaces unique per item`);
  const f1 = scoreByLanguage(docs, fold);
  console.log(`agency-entities-f1 dev: project=${f1.dev.project.toFixed(3)} compromise=${f1.dev.compromise.toFixed(3)}`);
  console.log(`agency-entities-f1 test: project=${f1.test.project.toFixed(3)} compromise=${f1.test.compromise.toFixed(3)}`);
}
