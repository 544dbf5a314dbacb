import { breaksPhrase, extractKeywords, phraseWordSpans } from './keywords';
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

  it('counts the spaced words of a mixed text as it counts them alone, and the unspaced run by the dictionary', () => {
    const latin = 'The Hong Kong-based APP said (Asia Pulp & Paper) on Monday';
    const chinese = '香港行政长官梁振英向香港民众道歉';
    expect(wordCount(`${latin} ${chinese}。 ${latin}`)).toBe(2 * wordCount(latin) + wordCount(chinese));
    expect(wordCount(`${latin}${chinese}${latin}`)).toBe(2 * wordCount(latin) + wordCount(chinese));
  });
});

describe('words', () => {
  it('finds exactly what the word pattern matches, however the characters are written', () => {
    // words() scans character codes instead of running this pattern; random strings over every kind of character
    // (ASCII, accents, combining marks, astral letters, lone surrogates, unspaced scripts, digits of other scripts).
    const pattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*/gu;
    const pool = ['a', 'Z', '7', ' ', '\n', "'", '’', '-', '.', ',', 'é', '\u0301', 'ß', '𝒜', '\ud800', '\udc00', '香', 'ผู้', '٣', '\u00a0', '—', '_', 'Ω', 'ǅ', '\u0e31'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pool.length;
    const texts = ['e\u0301cole \u0301x', "l'Élysée -- rock'n'roll ’tis 3-2", '', 'end-', 'Ω'];
    for (let n = 0; n < 300; n++) texts.push(Array.from({ length: 1 + (n % 40) }, () => pool[next()]).join(''));
    for (const text of texts) expect(words(text)).toEqual(text.match(pattern) ?? []);
  });
});

describe('keyword phrase scanning', () => {
  // Both scan character codes instead of running the patterns below; random strings over every kind of character.
  const pool = ['a', 'Z', '7', ' ', ' ', '\n', '\n', '\t', '\r', "'", '’', '-', '.', ',', 'é', '\u0301', '𝒜', '😀', '\ud800', '香', '٣', '\u00a0', '\u2003', '\u3000', '—', '_', '«'];
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % pool.length;
  const texts = Array.from({ length: 400 }, (_, n) => Array.from({ length: 1 + (n % 30) }, () => pool[next()]).join(''));

  it('finds the word runs the phrase-word pattern matches', () => {
    for (const text of texts) expect(phraseWordSpans(text)).toEqual([...text.matchAll(/[\p{L}\p{N}'’-]+/gu)].flatMap((m) => [m.index, m.index + m[0].length]));
  });

  it('breaks a phrase where the gap holds punctuation or a paragraph break, as the patterns say', () => {
    for (const text of texts) {
      const spans = phraseWordSpans(text);
      const gaps = [[0, spans[0] ?? text.length]];
      for (let k = 1; k < spans.length; k += 2) gaps.push([spans[k], spans[k + 1] ?? text.length]);
      for (const [from, to] of gaps) {
        const gap = text.slice(from, to);
        const expected = !(to - from === 1 && gap === ' ') && (/[^\p{L}\p{N}'’\s-]/u.test(gap) || /\n\s*\n/.test(gap));
        expect([gap, breaksPhrase(text, from, to)]).toEqual([gap, expected]);
      }
    }
  });
});

describe('extractKeywords', () => {
  it('breaks phrases at punctuation and at paragraph breaks, not at a line break inside a paragraph', () => {
    const body = 'Flood barriers\n\nRiver levels, storm\nsurge warnings';
    const texts = extractKeywords('', body, 20).map((k) => k.text);
    expect(texts).toEqual(expect.arrayContaining(['flood barriers', 'river levels', 'storm surge warnings']));
    expect(texts.some((t) => t.includes('barriers river') || t.includes('levels storm'))).toBe(false);
  });

  it('keeps the phrases a ranking of every phrase would, also where most of the best lie inside a better one', () => {
    // The extractor ranks only the best few phrases first; here the eight best after "redwoods forests" are all inside
    // it, so for two or three keywords it must rank the rest too. The list for any `max` is the head of the full one.
    const body = ['redwoods forests. redwoods forests. redwoods forests.', 'redwoods; forests; redwood; woods; wood; red; forest; rest; rests; ore; fore.', 'river, meadow, lantern, copper, harbour, violet, summit, orchard, saddle, willow.'].join('\n\n');
    const all = extractKeywords('', body, 1000);
    expect(all.slice(0, 3).map((k) => k.text)).toEqual(['redwoods forests', 'river', 'meadow']);
    for (const max of [1, 2, 3, 8]) expect(extractKeywords('', body, max)).toEqual(all.slice(0, max));
  });
});
