import { leadSentence } from './text';

describe('leadSentence', () => {
  it.each([
    ['a Latin sentence, not cut at "Jan." or "Mr."', 'WASHINGTON, Jan. 5 (Reuters) - Mr. Smith resigned on Monday. He gave no reason.', 'WASHINGTON, Jan. 5 (Reuters) - Mr. Smith resigned on Monday.'],
    ['a sentence ending in a closing quote', 'The minister said the plan was "dead and buried." Others disagreed.', 'The minister said the plan was "dead and buried."'],
    ['Chinese, whose full stop has no space after it', '香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询。梁振英此前承认早在去年就已知悉。', '香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询。'],
    ['Japanese, with a closing bracket after the stop', '中国国家主席、習近平も重要な陰の参戦者だった「勝ち組」になったかに見える。」その判断は早計だ。', '中国国家主席、習近平も重要な陰の参戦者だった「勝ち組」になったかに見える。」'],
    ['Arabic, ended by its question mark', 'هل تنجح المفاوضات بين الأطراف في جنيف هذا الأسبوع؟ يقول المراقبون إن الأمر صعب.', 'هل تنجح المفاوضات بين الأطراف في جنيف هذا الأسبوع؟'],
  ])('takes the first sentence of %s', (_case, text, expected) => {
    expect(leadSentence(text)).toBe(expected);
  });

  it('cuts a text with no sentence end in reach at a word boundary and marks the cut', () => {
    const text = 'SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers searching for an AirAsia plane carrying 162 people pulled bodies and wreckage from the sea off the coast of Borneo on Tuesday, prompting relatives to break down';
    const lead = leadSentence(text, 120);
    expect(lead).toBe('SURABAYA, Indonesia/JAKARTA (Reuters) - Indonesian rescuers searching for an AirAsia plane carrying 162 people pulled…');
    expect(lead.length).toBeLessThanOrEqual(120);
  });

  it('cuts text in a script without spaces at the limit, and keeps a short text whole', () => {
    expect(leadSentence('あ'.repeat(300), 80)).toBe(`${'あ'.repeat(79)}…`);
    expect(leadSentence('  Markets   rally  ')).toBe('Markets rally');
  });

  it('takes a whole sentence up to its own limit, longer than the cut', () => {
    const sentence = `${'word '.repeat(35).trim()}.`;
    expect(leadSentence(`${sentence} Next one.`, 120, 200)).toBe(sentence);
    expect(leadSentence(`${sentence} Next one.`, 120).endsWith('…')).toBe(true);
  });
});
