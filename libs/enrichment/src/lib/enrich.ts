import type { Enrichment } from '@newswire/contracts';
import { DATELINE_EXTRACTOR, parseDateline } from './dateline';
import { ENTITY_EXTRACTOR, extractEntities } from './entities';
import { ENTITY_LANGUAGES } from './entity-languages';
import { entityLanguageOf } from './ner/languages';
import { DEFAULT_GAZETTEER, gazetteerFor } from './gazetteer';
import { KEYWORD_EXTRACTOR, extractKeywords } from './keywords';
import { chooseLanguage, detectLanguage } from './language';
import { withWikidata } from './wikidata';
import { SUBJECT_CLASSIFIER, classifySubjects } from './subjects';
import { SUMMARY_EXTRACTOR, leadSummary } from './summary';
import { wordCount } from './text-stats';
import { fold } from './tokens';

/** Languages the entity rules, keyword stopwords and subject model were written for. */
export const SUPPORTED_LANGUAGES = new Set(['en']);
export const WORDS_PER_MINUTE = 230;
const COUNTS = { extractor: 'newswire-counts', version: '0.2.0' } as const;
/**
 * Enrichment travels with the article through every later hop, so its size
 * is bounded whatever the text (the pipeline's byte budget reserves room for
 * it): the most salient entities per type, a few surface forms each.
 */
export const MAX_ENTITIES_PER_TYPE = 150;
export const MAX_SURFACE_FORMS = 8;
export const ENRICHMENT_MAX_BYTES = 192 * 1024;

export interface EnrichInput {
  headline: string;
  bodyText: string;
  /** The source's own language tag; trusted over detection unless detection is sure of an unrelated language. */
  language?: string;
  /** The source's own dateline text (NewsML-G2 contentMeta/dateline, NITF dateline). */
  dateline?: string;
  /** The source's own located place name. */
  located?: string;
  /** ISO date-time the story was first created: gives the dateline's "Nov 24" its year. */
  firstCreated?: string;
}

export interface EnrichOptions {
  /**
   * Whether the statistical entity tagger may run (in the languages it was chosen for). Its weights are
   * trained on CC BY-NC-SA data (libs/enrichment/src/data/ner/README.md): false keeps to the rules and
   * gazetteers, for deployments that may not use non-commercial material.
   */
  tagger?: boolean;
}

/** The whole enrichment stage as one pure function of the article. */
export function enrich(input: EnrichInput, now: Date = new Date(), options: EnrichOptions = {}): Enrichment {
  const text = `${input.headline}\n\n${input.bodyText}`;
  const detected = detectLanguage(input.bodyText || input.headline, input.language);
  const chosen = chooseLanguage(input.language, detected);
  const language = chosen.language;
  const fromSource = chosen.from === 'source';
  const base = language.split('-')[0].toLowerCase();
  const supported = SUPPORTED_LANGUAGES.has(base);
  // Entities have rules in more languages than the English-trained subjects and keywords.
  const entityLanguage = entityLanguageOf(base);
  const withEntities = ENTITY_LANGUAGES.has(entityLanguage);
  // The language's own gazetteer: its names of places and bodies, and how it writes the dateline city ("KØBENHAVN").
  const gazetteer = withEntities ? gazetteerFor(entityLanguage) : undefined;
  const words = wordCount(input.bodyText);
  // The pipeline's articles carry valid instants; a caller's unreadable one falls back to now instead of throwing.
  const created = input.firstCreated ? new Date(input.firstCreated) : undefined;
  const reference = created && !Number.isNaN(created.getTime()) ? created : now;

  const entities = withWikidata(bounded(withEntities ? extractEntities(withoutKickers(input.headline, text), { bodyStart: input.headline.length + 2, language: entityLanguage, gazetteer, ...(options.tagger === false ? { blend: 'rules' as const } : {}) }) : { people: [], organisations: [], places: [] }));
  const dateline = parseDateline(input.dateline ? `${input.dateline} - ` : input.bodyText, reference, gazetteer);
  const located = locate(input.located, dateline?.place, entities.places);

  const provenance: Enrichment['provenance'] = [
    { annotation: 'language', ...(fromSource ? { extractor: 'source', version: '-' } : detected.detector) },
    { annotation: 'counts', ...COUNTS },
    { annotation: 'summary', ...SUMMARY_EXTRACTOR },
  ];
  if (dateline) provenance.push({ annotation: 'dateline', ...DATELINE_EXTRACTOR });
  if (located) provenance.push({ annotation: 'located', ...(located.from === 'source' ? { extractor: 'source', version: '-' } : located.from === 'dateline' ? DATELINE_EXTRACTOR : ENTITY_EXTRACTOR) });
  if (withEntities) provenance.push({ annotation: 'entities', ...ENTITY_EXTRACTOR, ...(options.tagger === false ? { version: `${ENTITY_EXTRACTOR.version}+rules-only` } : {}) });
  if (supported) provenance.push({ annotation: 'subjects', ...SUBJECT_CLASSIFIER }, { annotation: 'keywords', ...KEYWORD_EXTRACTOR });

  return {
    language,
    languageConfidence: fromSource ? 1 : detected.confidence,
    languageSupported: supported,
    wordCount: words,
    readingTimeSeconds: Math.ceil((words / WORDS_PER_MINUTE) * 60),
    ...entities,
    ...(supported ? { subjects: classifySubjects(text), keywords: extractKeywords(input.headline, input.bodyText) } : {}),
    summary: leadSummary(input.bodyText, dateline?.text),
    ...(dateline ? { dateline } : {}),
    ...(located ? { located } : {}),
    provenance,
    enrichedAt: now.toISOString(),
  };
}

type Located = NonNullable<Enrichment['located']>;
type Entities = Pick<Enrichment, 'people' | 'organisations' | 'places'>;

/** Lists arrive sorted by salience, so the cut keeps what matters most. */
function bounded(e: Entities): Entities {
  const cut = (list: Entities['people']) =>
    list.slice(0, MAX_ENTITIES_PER_TYPE).map((x) => (x.surfaceForms.length > MAX_SURFACE_FORMS ? { ...x, surfaceForms: x.surfaceForms.slice(0, MAX_SURFACE_FORMS) } : x));
  return { people: cut(e.people), organisations: cut(e.organisations), places: cut(e.places) };
}

function locate(source: string | undefined, datelinePlace: { name: string; countryCode?: string; geonameId?: number } | undefined, places: Enrichment['places']): Located | undefined {
  if (source) {
    const known = DEFAULT_GAZETTEER.places.get(fold(source))?.[0];
    return { name: known?.name ?? source, ...(known?.countryCode ? { countryCode: known.countryCode } : {}), ...(known?.geonameId ? { geonameId: known.geonameId } : {}), from: 'source' };
  }
  if (datelinePlace) return { ...datelinePlace, from: 'dateline' };
  // Without a dateline the most salient city (else any place) is the best guess.
  const best = places.find((p) => p.kind === 'city' || p.kind === 'capital') ?? places[0];
  return best ? { name: best.name, ...(best.countryCode ? { countryCode: best.countryCode } : {}), ...(best.geonameId ? { geonameId: best.geonameId } : {}), from: 'entities' } : undefined;
}

/**
 * Desk labels opening a wire headline ("UPDATE 2-", "EXCLUSIVE-", "REFILE-", "BREAKING:", "EIL:", "ROUNDUP:",
 * "URGENT -"): no entity ("UPDATE" was a body). Blanked with spaces, so mention offsets stay those of the text.
 */
const KICKERS = /^(?:\s*(?:UPDATE|REFILE|CORRECTED|CORRECTION|EXCLUSIVE|BREAKING(?: NEWS)?|WRAPUP|ANALYSIS|INSIGHT|FACTBOX|EXPLAINER|RPT|URGENT|FLASH|ALERT|BULLETIN|COLUMN|BRIEF|POLL|PREVIEW|TIMELINE|FEATURE|INTERVIEW|SPECIAL REPORT|GLOBAL MARKETS|ADVISORY|EIL|ROUNDUP|KORR|AVANCE|ÚLTIMA HORA|\d(?:ST|ND|RD|TH) LEAD|LEAD)(?:\s+\d{1,2})?\s*(?:[-:–—]|$))+/u;

function withoutKickers(headline: string, text: string): string {
  const kicker = KICKERS.exec(headline);
  return kicker ? ' '.repeat(kicker[0].length) + text.slice(kicker[0].length) : text;
}
