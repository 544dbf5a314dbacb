import { wordCount } from './text-stats';

describe('wordCount', () => {
  it('counts words between spaces in spaced scripts', () => {
    expect(wordCount("The minister's plan, agreed on Monday, costs more.")).toBe(8);
    expect(wordCount('Der Rhein führt Hochwasser.')).toBe(4);
  });

  it.each([
    ['Chinese', '香港行政长官梁振英向香港民众道歉。', 6],
    ['Japanese', '中国国家主席も重要な陰の参戦者だった。', 8],
    ['Thai', 'ผู้สื่อข่าวได้รับแจ้งจากนาย', 4],
  ])('counts dictionary words in %s, written without spaces (one regex "word" before)', (_script, text, atLeast) => {
    expect(wordCount(text)).toBeGreaterThanOrEqual(atLeast);
  });
});
