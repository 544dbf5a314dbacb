/**
 * FerretDB has no `$text`, so keyword search runs on a token array built at
 * write time and matched with `$all` (an indexed equality on both servers).
 * Queries must be tokenised by the same function as the documents.
 */
const STOPWORDS = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or she that the their they this to was were will with'.split(' '),
);

/** Bounds the array so one huge body cannot make a huge index entry. */
export const MAX_SEARCH_TERMS = 1500;

export function tokenize(text: string): string[] {
  // Most wire copy is plain ASCII: there, folding accents changes nothing and the ASCII classes
  // split exactly as the Unicode ones (storage spent a twentieth of its CPU in this function).
  const ascii = !NOT_ASCII.test(text);
  const folded = ascii ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.split(ascii ? ASCII_SEPARATORS : SEPARATORS).filter((t) => t.length > 1 && t.length <= 40 && !STOPWORDS.has(t));
}
const NOT_ASCII = /[\u0080-\uffff]/;
const SEPARATORS = /[^\p{L}\p{N}]+/u;
const ASCII_SEPARATORS = /[^a-z0-9]+/;

export function searchTermsOf(...texts: (string | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const t of tokenize(text)) {
      terms.add(t);
      if (terms.size >= MAX_SEARCH_TERMS) return [...terms];
    }
  }
  return [...terms];
}

/** Distinct query terms; empty when the query has only stopwords or punctuation. */
export function queryTerms(q: string): string[] {
  return [...new Set(tokenize(q))];
}
