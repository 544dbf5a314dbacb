/**
 * Where the tagger's training data comes from (local git snapshots, see
 * conllu.ts). WikiNEuRal's train files are not in the snapshot: its
 * validation split trains, its test split is held out for the modern-text
 * check (tools/eval). None of these documents is in the multilingual eval
 * corpus (HIPE-2022, CoNLL-2002 esp.testb).
 */
import { join } from 'node:path';
import type { Source } from './conllu';

export const MODEL_DIR = join(__dirname, '../../libs/enrichment/src/data/ner');

const WIKINEURAL = { repo: 'Babelscape/wikineural', commit: 'd2e28c770cba2b285e742529ae18ed849e336c65', licence: 'CC BY-NC-SA 4.0' };

export const MODEL_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'nl', 'pt'] as const;

export const TRAINING: Record<string, Source[]> = Object.fromEntries(MODEL_LANGUAGES.map((l) => [l, [{ ...WIKINEURAL, path: `data/wikineural/${l}/val.conllu` }]]));

export function heldOutSource(language: string): Source {
  return { ...WIKINEURAL, path: `data/wikineural/${language}/test.conllu` };
}
