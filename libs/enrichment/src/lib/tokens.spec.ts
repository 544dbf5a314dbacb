import fc from 'fast-check';
import { fold, nextToken, tokenize } from './tokens';

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

describe('nextToken', () => {
  // The scanner replaces this pattern; from every offset of any text it must find the same next match.
  const pattern = /(?:\p{Lu}\.){2,}|\p{Lu}{2}\.(?: ?\p{Lu}{2}\.)+|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’](?=\p{L}{2})|[-&](?=[\p{L}\p{N}]))*|\S/gu;
  const byPattern = (text: string, from: number): [number, number] | undefined => {
    pattern.lastIndex = from;
    const m = pattern.exec(text);
    return m ? [m.index, m.index + m[0].length] : undefined;
  };
  const chars = fc.constantFrom('a', 'Z', 'É', 'é', '7', '٣', ' ', '\n', '\u00a0', '.', "'", '’', '-', '&', '\u0301', '𝐀', '𝒷', '\ud800', '\udc00', '香', '😀', ',', 'U', 'E', 'S');
  const texts = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.array(chars, { maxLength: 30 }).map((a) => a.join('')));

  // Offsets between the two halves of a surrogate pair are left out: the pattern backs up to the pair's start there,
  // and the tokenizer never resumes inside a character.
  const offsets = (text: string) => [...Array(text.length + 1).keys()].filter((i) => !(/[\udc00-\udfff]/.test(text[i] ?? '') && /[\ud800-\udbff]/.test(text[i - 1] ?? '')));

  it('finds the token the word pattern finds, from any offset', () => {
    const samples = ['U.S. and EE.UU. or EE. UU. rock’n’roll A-1 AT&T l’Élysée', 'I.', 'ÉÉ.𝐀𝐀.', 'É𝐀.x'];
    for (const text of samples) for (const i of offsets(text)) expect([i, nextToken(text, i)]).toEqual([i, byPattern(text, i)]);
    fc.assert(
      fc.property(texts, (text) => {
        for (const i of offsets(text)) if (JSON.stringify(nextToken(text, i)) !== JSON.stringify(byPattern(text, i))) return false;
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});
