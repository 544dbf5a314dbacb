import fc from 'fast-check';
import { queryTerms, searchTermsOf, tokenize } from './search-terms';

/** The tokeniser's Unicode path, which its ASCII shortcut must agree with (the word filter is the tokeniser's own). */
const reference = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => tokenize(t).length === 1);

describe('search terms', () => {
  it('folds accents and case, splits on everything but letters and digits, drops stopwords and single letters', () => {
    expect(tokenize('Café in São Paulo: the G7 and a 2.5% rise, Zürich’s ÉLAN')).toEqual(['cafe', 'sao', 'paulo', 'g7', 'rise', 'zurich', 'elan']);
    expect(tokenize('Москва и Київ')).toEqual(['москва', 'киів']); // folded as a query is: Ї is І with a diaeresis
  });

  it('reads plain ASCII text exactly as the Unicode path reads it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), (text) => {
        expect(tokenize(text)).toEqual(reference(text));
      }),
      { numRuns: 500 },
    );
  });

  it('makes a query and a document agree on a word written with or without its accents', () => {
    expect(searchTermsOf('Le président à Genève')).toEqual(expect.arrayContaining(queryTerms('GENEVE president')));
  });
});
