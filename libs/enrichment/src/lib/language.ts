import { detectAll } from 'tinyld';

export const LANGUAGE_DETECTOR = { extractor: 'tinyld', version: '1.3.4' } as const;
export const ENGLISH_FAST_PATH = { extractor: 'newswire-english-function-words', version: '0.1.0' } as const;

export interface DetectedLanguage {
  /** ISO 639-1 code, a valid BCP 47 primary language subtag; "und" when undetermined. */
  language: string;
  confidence: number;
  detector: { extractor: string; version: string };
}

// Function words that are frequent in English and rare as words in other Latin-script languages.
const ENGLISH = new Set('the and of that was with said which from have has were would this their been but for is to by at it he she they who will are its'.split(' '));
const SAMPLE_WORDS = 120;
/** English news prose runs at 17-35% of these words (measured on the fixtures); Spanish 0%, German or Dutch a few %. */
const ENGLISH_SHARE = 0.12;

/**
 * tinyld costs about 1 ms per article, more than all other enrichment
 * together, and most of the feed is English. So count English function
 * words in the first 120 words first; only text that is not clearly English
 * goes to tinyld.
 */
export function detectLanguage(text: string): DetectedLanguage {
  const sample = text.slice(0, 1200).toLowerCase().match(/\p{L}+/gu) ?? [];
  const n = Math.min(sample.length, SAMPLE_WORDS);
  let hits = 0;
  for (let i = 0; i < n; i++) if (ENGLISH.has(sample[i])) hits++;
  if (n >= 20 && hits / n >= ENGLISH_SHARE) {
    return { language: 'en', confidence: Math.min(0.99, round(0.6 + hits / n)), detector: ENGLISH_FAST_PATH };
  }
  const [best] = detectAll(text.slice(0, 4000));
  if (!best) return { language: 'und', confidence: 0, detector: LANGUAGE_DETECTOR };
  return { language: best.lang, confidence: Math.max(0, Math.min(1, best.accuracy)), detector: LANGUAGE_DETECTOR };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
