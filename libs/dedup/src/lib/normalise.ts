import { createHash } from 'node:crypto';

/**
 * Text as a reader sees it: case, accents of quotes and dashes, spacing and
 * punctuation differences between outlets do not make a different story.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function contentHash(headline: string, bodyText: string): string {
  return createHash('sha256').update(normaliseText(`${headline}\n${bodyText}`)).digest('hex');
}
