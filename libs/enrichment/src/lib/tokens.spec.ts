import fc from 'fast-check';
import { fold } from './tokens';

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
