import fc from 'fast-check';
import { fold, tokenize } from './tokens';

// Every lookup table is keyed by fold's output: the ASCII shortcut and the memo must not change it.
const reference = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");

describe('fold', () => {
  it('folds as NFD without marks, lower-cased, with typographic apostrophes plain', () => {
    expect(fold('Économie')).toBe('economie');
    expect(fold('l’Élysée')).toBe("l'elysee");
    expect(fold('NEW YORK')).toBe('new york');
  });

  it('gives the reference folding for any text, asked once or again', () => {
    const texts = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('İstanbul', 'ŞAHİN', 'Straße', 'ǅemal', 'Ñandú'));
    fc.assert(fc.property(texts, (s) => fold(s) === reference(s) && fold(s) === reference(s)), { numRuns: 5000 });
  });
});

describe('tokenize', () => {
  const read = (text: string) => tokenize(text).map((t) => `${t.text}${t.poss ? '+poss' : ''}`);

  it("marks a possessive 's, and a plural's bare apostrophe before a capitalised word, on the word it follows", () => {
    expect(read("Britain's King")).toEqual(['Britain+poss', 'King']);
    expect(read("Westminster Magistrates' Court")).toEqual(['Westminster', 'Magistrates+poss', 'Court']);
    // A closing quote, or an apostrophe before a lower-case word, stays a token of its own.
    expect(read("the players' union")).toEqual(['the', 'players', "'", 'union']);
    expect(read("He said 'yes'.")).toEqual(['He', 'said', "'", 'yes', "'", '.']);
  });
});
