import { lexiconFor } from './lexicon';
import { decodeModel, type NerModelFile } from './model-file';
import { Tagger } from './tagger';

/*
 * One loader per language so a worker only decodes (and holds) the models of
 * the languages it meets: about 3.5 MB of heap each once loaded. The requires
 * are explicit so the bundler packs the files; they run on first use only.
 */
const LOADERS: Record<string, () => NerModelFile> = {
  en: () => require('../../data/ner/en.model.json'),
  fr: () => require('../../data/ner/fr.model.json'),
  es: () => require('../../data/ner/es.model.json'),
  de: () => require('../../data/ner/de.model.json'),
  it: () => require('../../data/ner/it.model.json'),
  nl: () => require('../../data/ner/nl.model.json'),
  pt: () => require('../../data/ner/pt.model.json'),
  nb: () => require('../../data/ner/nb.model.json'),
  sv: () => require('../../data/ner/sv.model.json'),
  da: () => require('../../data/ner/da.model.json'),
  fi: () => require('../../data/ner/fi.model.json'),
};

const taggers = new Map<string, Tagger>();

/** The language's tagger, decoded on first use and kept; undefined where no model was trained. */
export function taggerFor(language: string): Tagger | undefined {
  const load = LOADERS[language];
  if (!load) return undefined;
  let t = taggers.get(language);
  if (!t) taggers.set(language, (t = new Tagger(decodeModel(load()), lexiconFor(language))));
  return t;
}
