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

export const MODEL_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'nl', 'pt', 'nb', 'sv', 'da', 'fi'] as const;

/*
 * Finnish: the Turku NER corpus (TurkuNLP/turku-ner-corpus, CC BY-SA 4.0) over the Finnish TDT
 * treebank's news, Wikipedia, blogs and other genres; its test file is the held-out check. The
 * names are as inflected in the text ("Helsingissä"). FiNER's Digitoday news would fit better but
 * is for research only.
 */
const FINNISH = { repo: 'TurkuNLP/turku-ner-corpus', commit: '41856819d45580f1c4ce7100e75ea6b859fb75dc', licence: 'CC BY-SA 4.0', format: 'bio' as const };

/*
 * Danish: Universal NER's annotation of the Danish Dependency Treebank (newspapers, magazines and
 * other PAROLE texts; from DaN+), CC BY-SA 4.0. Its test file is the held-out check.
 */
const DANISH = { repo: 'UniversalNER/UNER_Danish-DDT', commit: '983c4cdc09f8ece6069d2b692b60dc4b3649ec6e', licence: 'CC BY-SA 4.0', tagColumn: 2 };

/*
 * Swedish: Språkbanken's Webbnyheter 2012 (Swedish web news), names bootstrapped from gazetteers
 * and then corrected by two annotators (klintan/swedish-ner-corpus, CC BY 4.0). Its own test file is
 * the held-out check. Tags carry no B-/I-: two names of one type side by side read as one.
 */
const SWEDISH_NEWS = { repo: 'klintan/swedish-ner-corpus', commit: '87950716635b2bc6971717e6c0656c902a3831e2', licence: 'CC BY 4.0', format: 'io' as const };

/*
 * NorNE (Norwegian Bokmål and Nynorsk: newspapers, government reports, parliament, blogs). The
 * annotations are CC0 1.0; the texts are third-party, included in the Norwegian Dependency Treebank
 * by permission of their publishers and not republished here (only weights derived from them).
 * Trained on the whole treebank minus NorNE's UD dev and test sentences; the Bokmål UD test is the
 * held-out check. One Norwegian model serves nb, nn and no (see ner/languages.ts).
 */
const NORNE = { repo: 'ltgoslo/norne', commit: 'bd311de55b5a7fc1255aee7b088364f8271c2330', licence: 'CC0 1.0 (annotations; texts by permission of their publishers, Norwegian Dependency Treebank)' };
const NORNE_HELD_OUT = 'ud/nob/no_bokmaal-ud-test.conllu';
const NORWEGIAN = [
  { ...NORNE, path: 'ndt/nob', folder: true, exclude: ['ud/nob/no_bokmaal-ud-dev.conllu', NORNE_HELD_OUT] },
  { ...NORNE, path: 'ndt/nno', folder: true, exclude: ['ud/nno/no_nynorsk-ud-dev.conllu', 'ud/nno/no_nynorsk-ud-test.conllu'] },
];

/*
 * Europeana Newspapers (CC0): OCR'd historic newspapers, none of them the
 * eval corpus's documents (checked: no shared 6-gram beyond a reprint notice).
 */
const EUROPEANA = { repo: 'EuropeanaNewspapers/ner-corpora', commit: '6bf838d23112c255fd81431b1187ab30ef6c2d90', licence: 'CC0 1.0', format: 'bio' as const };
/*
 * GermEval 2014 NER (CC BY 4.0): German sentences, half from news sites (Spiegel, FAZ, Welt, NZZ,
 * n-tv and others), half from Wikipedia. Only its test file is in a reachable snapshot; its first
 * GERMEVAL_TRAIN sentences train, the news sentences of the rest are a German news check
 * (germanNewsDocs in modern-set.ts, printed by eval:enrichment).
 */
export const GERMEVAL = { repo: 'mapriess/GermEval_2014_NER_DEMO', commit: '5f76c7191f3f159e815e2fab0070d0566e3ddc62', licence: 'CC BY 4.0 (GermEval 2014 NER data)', path: 'Data/NER-de-test.tsv', tagColumn: 2 };
export const GERMEVAL_TRAIN = 3600;

/*
 * Universal NER over the Parallel UD treebanks (CC BY-SA 3.0): the same 1,000 sentences in each
 * language, about half from news articles (sent_id "n..."), half from Wikipedia ("w..."); German's
 * are translations where the original was not German. No tagger trains on them: their news
 * sentences are a news check for English, German and Portuguese (pudNewsDocs in modern-set.ts).
 */
const PUD = { licence: 'CC BY-SA 3.0 (Universal NER, Parallel UD)', tagColumn: 2 };
export const PUD_NEWS: Record<string, Source> = {
  en: { ...PUD, repo: 'UniversalNER/UNER_English-PUD', commit: '07ea0553144e3fcf3d6633efe2a075b725a0d262', path: 'en_pud-ud-test.iob2' },
  de: { ...PUD, repo: 'UniversalNER/UNER_German-PUD', commit: '47eb039b6d80079b280ba70efe4136413fb7af9c', path: 'de_pud-ud-test.iob2' },
  // Portuguese's words are UD's syntactic words ("de a transição" for "da transição"), as the file gives them.
  pt: { ...PUD, repo: 'UniversalNER/UNER_Portuguese-PUD', commit: 'cda2cf86b68d45e896aab97ceca5e91d43a86db7', path: 'pt_pud-ud-test.iob2' },
};

const HISTORIC: Record<string, string[]> = {
  de: ['enp_DE.lft.bio/enp_DE.lft.bio', 'enp_DE.onb.bio/enp_DE.onb.bio', 'enp_DE.sbb.bio/enp_DE.sbb.bio'],
  fr: ['enp_FR.bnf.bio/enp_FR.bnf.bio'],
};
// Dutch has no historic dev set to gain on, and the historic text cost 0.03 F1 on modern text: enp_NL.kb.bio is left out.

/**
 * Languages trained on corpora of their own rather than WikiNEuRal: what trains, and the file held out.
 * Danish and Norwegian together scored 0.64 on the Danish choose half, Danish alone 0.66.
 */
const OWN_CORPORA: Record<string, { training: Source[]; heldOut: Source }> = {
  nb: { training: NORWEGIAN, heldOut: { ...NORNE, path: NORNE_HELD_OUT } },
  sv: { training: [{ ...SWEDISH_NEWS, path: 'train_corpus.txt' }], heldOut: { ...SWEDISH_NEWS, path: 'test_corpus.txt' } },
  da: { training: [{ ...DANISH, path: 'da_ddt-ud-train.iob2' }, { ...DANISH, path: 'da_ddt-ud-dev.iob2' }], heldOut: { ...DANISH, path: 'da_ddt-ud-test.iob2' } },
  fi: { training: [{ ...FINNISH, path: 'data/conll/train.tsv' }, { ...FINNISH, path: 'data/conll/dev.tsv' }], heldOut: { ...FINNISH, path: 'data/conll/test.tsv' } },
};

/** WikiNEuRal's validation split, the historic newspapers where they helped, GermEval's training part for German. */
function wikineuralTraining(language: string): Source[] {
  const germeval: Source[] = language === 'de' ? [{ ...GERMEVAL, range: [0, GERMEVAL_TRAIN] }] : [];
  return [{ ...WIKINEURAL, path: `data/wikineural/${language}/val.conllu` }, ...(HISTORIC[language] ?? []).map((path) => ({ ...EUROPEANA, path })), ...germeval];
}

export const TRAINING: Record<string, Source[]> = Object.fromEntries(MODEL_LANGUAGES.map((l) => [l, OWN_CORPORA[l]?.training ?? wikineuralTraining(l)]));

export function heldOutSource(language: string): Source {
  return OWN_CORPORA[language]?.heldOut ?? { ...WIKINEURAL, path: `data/wikineural/${language}/test.conllu` };
}
