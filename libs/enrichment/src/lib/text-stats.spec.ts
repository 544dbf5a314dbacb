import { extractKeywords } from './keywords';
import { wordCount, words } from './text-stats';

describe('wordCount', () => {
  it('counts words between spaces in spaced scripts', () => {
    expect(wordCount("The minister's plan, agreed on Monday, costs more.")).toBe(8);
    expect(wordCount('Der Rhein führt Hochwasser.')).toBe(4);
  });

  it('counts exactly what the word pattern matches, however the characters are written', () => {
    // The count scans characters instead of running the pattern; both must say the same on every kind of character:
    // combining marks (never a word's start), apostrophes and hyphens inside, astral letters, lone surrogates.
    const texts = ['e\u0301cole \u0301x', "l'Élysée -- rock'n'roll ’tis 3-2", '𝒜𝒷 x\ud800y \udc00', 'Ω—Σ ٣٤ a_b $5', 'ǅemal\u00a0Bijedić'];
    for (const text of texts) expect(wordCount(text)).toBe(words(text).length);
  });

  it.each([
    ['Chinese', '香港行政长官梁振英向香港民众道歉。', 6],
    ['Japanese', '中国国家主席も重要な陰の参戦者だった。', 8],
    ['Thai', 'ผู้สื่อข่าวได้รับแจ้งจากนาย', 4],
  ])('counts dictionary words in %s, written without spaces (one regex "word" before)', (_script, text, atLeast) => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(atLeast);
  });
});

describe('extractKeywords', () => {
  it('breaks phrases at punctuation and at paragraph breaks, not at a line break inside a paragraph', () => {
    const body = 'Flood barriers\n\nRiver levels, storm\nsurge warnings';
    const texts = extractKeywords('', body, 20).map((k) => k.text);
    expect(texts).toEqual(expect.arrayContaining(['flood barriers', 'river levels', 'storm surge warnings']));
    expect(texts.some((t) => t.includes('barriers river') || t.includes('levels storm'))).toBe(false);
  });
});
