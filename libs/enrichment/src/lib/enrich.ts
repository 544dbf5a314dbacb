import type { Enrichment } from '@newswire/contracts';
import { ENTITY_EXTRACTOR, extractEntities } from './entities';
import { detectLanguage } from './language';

export const SUPPORTED_LANGUAGES = new Set(['en']);
export const WORDS_PER_MINUTE = 230;

export interface EnrichInput {
  headline: string;
  bodyText: string;
  language?: string;
}

const PIPELINE_VERSION = '0.1.0';

/** The whole enrichment stage as one pure function. */
export function enrich(input: EnrichInput, now: Date = new Date()): Enrichment {
  const text = `${input.headline}\n\n${input.bodyText}`;
  const detected = detectLanguage(input.bodyText);
  const language = input.language ?? detected.language;
  const wordCount = input.bodyText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const supported = SUPPORTED_LANGUAGES.has(language.split('-')[0]);
  const entities = supported ? extractEntities(text, { bodyStart: input.headline.length + 2 }) : { people: [], organisations: [], places: [] };
  return {
    language,
    languageConfidence: input.language ? 1 : detected.confidence,
    languageSupported: supported,
    wordCount,
    readingTimeSeconds: Math.ceil((wordCount / WORDS_PER_MINUTE) * 60),
    ...entities,
    provenance: [
      { annotation: 'language', extractor: input.language ? 'source' : 'tinyld', version: input.language ? '-' : '1.3.4' },
      { annotation: 'entities', ...ENTITY_EXTRACTOR },
      { annotation: 'counts', extractor: 'newswire-counts', version: PIPELINE_VERSION },
    ],
    enrichedAt: now.toISOString(),
  };
}
