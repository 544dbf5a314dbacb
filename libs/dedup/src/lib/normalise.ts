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

/**
 * The hash of normaliseText(`${headline}\n${bodyText}`), the text of stored stories' content claims.
 * The normalised body may be passed in, as the fingerprint normalises it anyway: normalising the
 * parts and joining them with one space gives the same text (the line break is a non-letter run of
 * its own, composes with nothing, and ends a word for lower-casing; normalise.spec.ts checks it).
 */
export function contentHash(headline: string, bodyText: string, normalisedBody = normaliseText(bodyText)): string {
  const head = normaliseText(headline);
  const joined = head && normalisedBody ? `${head} ${normalisedBody}` : head || normalisedBody;
  return createHash('sha256').update(joined).digest('hex');
}
