import { detectAll } from 'tinyld';

export interface DetectedLanguage {
  language: string;
  confidence: number;
}

/** tinyld: pure JS, CJS-loadable, ~1 ms per article; languages as ISO 639-1 (valid BCP 47). */
export function detectLanguage(text: string): DetectedLanguage {
  const [best] = detectAll(text.slice(0, 4000));
  if (!best) return { language: 'und', confidence: 0 };
  return { language: best.lang, confidence: Math.max(0, Math.min(1, best.accuracy)) };
}
