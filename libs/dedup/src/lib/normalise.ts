import { createHash } from 'node:crypto';

/**
 * Text as a reader sees it: case, accents of quotes and dashes, spacing and
 * punctuation differences between outlets do not make a different story.
 */
export function normaliseText(text: string): string {
  // Quotes, dashes and every other run of non-letters and non-digits become one space (one pass: the
  // content hash of stored stories depends on this output, which normalise.spec.ts pins).
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function contentHash(headline: string, bodyText: string): string {
  return createHash('sha256').update(normaliseText(`${headline}\n${bodyText}`)).digest('hex');
}
