import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainText } from './plaintext-parser';
import { ParseRejection } from '../common/types';

const sample = readFileSync(join(__dirname, '../../fixtures/daily-impact-european-2024-11-24.txt'), 'utf8');

describe('parsePlainText on the reference sample', () => {
  const article = parsePlainText(sample);

  it('reads the head: French date line, masthead and headline', () => {
    expect(article.headline).toBe('Washington sanctions Havana: Russia and Cuba are strategic allies');
    expect(article.firstCreated).toBe('2024-11-24T00:00:00.000Z');
    expect(article.publisher).toBe('Daily Impact European');
  });

  it('keeps the tagline and the author footer out of the body', () => {
    expect(article.bodyText.startsWith('Miguel Diaz-Canel, Cuban president')).toBe(true);
    expect(article.bodyText).not.toContain('We are an independent daily');
    expect(article.bodyText).not.toContain('About The Author');
    expect(article.bodyText).not.toContain('Daily Impact European');
    expect(article.bodyText.endsWith('historic meeting with Pope Francis.')).toBe(true);
    expect(article.bodyText.split('\n\n')).toHaveLength(11);
    expect(article.bodyHtml).toContain('<p>Miguel Diaz-Canel');
  });
});

describe('parsePlainText in scripts without Latin full stops', () => {
  it('reads Chinese paragraphs as body, not as a run of head labels, and takes the first sentence as the headline', () => {
    const text = ['香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。', '梁振英此前承认早在去年参选行政长官之前就已知悉其住宅的违建问题，引发诚信危机。', '郑重道歉', '梁振英强调承诺将在两周内解决其住宅的违建问题。'].join('\n\n');
    const draft = parsePlainText(text);
    expect(draft.headline).toBe('香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。');
    // The headline is made from the lead, which stays in the body.
    expect(draft.bodyText?.split('\n\n')).toEqual(['香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。', '梁振英此前承认早在去年参选行政长官之前就已知悉其住宅的违建问题，引发诚信危机。', '郑重道歉', '梁振英强调承诺将在两周内解决其住宅的违建问题。']);
  });

  it('cuts a Japanese lead at its first sentence for the headline and keeps the paragraph in the body', () => {
    const lead = '６月12日の歴史的な米朝首脳会談を巡って戦っていたのは、米大統領と北朝鮮委員長ばかりではなかった。中国国家主席も重要な陰の参戦者だった。';
    const draft = parsePlainText(`${lead}\n\nその判断は早計かもしれない。`);
    expect(draft.headline).toBe('６月12日の歴史的な米朝首脳会談を巡って戦っていたのは、米大統領と北朝鮮委員長ばかりではなかった。');
    expect(draft.bodyText?.startsWith(lead)).toBe(true);
  });
});

describe('parsePlainText on a story without its headline', () => {
  it('keeps the opening sentences and takes a later short line for a crosshead, not the headline', () => {
    const draft = parsePlainText('The council voted on Monday to close the harbour.\n\nThe decision follows a storm that damaged the piers last week.\n\nReaction\n\nLocal businesses said they would appeal the vote.');
    expect(draft.headline).toBe('The council voted on Monday to close the harbour.');
    expect(draft.bodyText?.split('\n\n')).toEqual(['The council voted on Monday to close the harbour.', 'The decision follows a storm that damaged the piers last week.', 'Reaction', 'Local businesses said they would appeal the vote.']);
  });

  it('still reads a headline given above the story, and drops its repetition', () => {
    const draft = parsePlainText('Harbour to close\n\nHarbour to close\n\nThe council voted on Monday to close the harbour.\n\nReaction\n\nLocal businesses said they would appeal.');
    expect(draft.headline).toBe('Harbour to close');
    expect(draft.bodyText?.startsWith('The council voted')).toBe(true);
  });
});

describe('parsePlainText on other shapes', () => {
  it('reads date lines in other languages and formats', () => {
    const cases: [string, string][] = [
      ['24. November 2024', '2024-11-24'],
      ['24 de noviembre de 2024', '2024-11-24'],
      ['24 de novembro de 2024', '2024-11-24'],
      ['November 24, 2024', '2024-11-24'],
      ['2024-11-24', '2024-11-24'],
    ];
    for (const [line, day] of cases) {
      const parsed = parsePlainText(`${line}\n\nA headline here\n\n${'Body sentence number one is here. '.repeat(8)}`);
      expect(parsed.firstCreated?.slice(0, 10)).toBe(day);
      expect(parsed.headline).toBe('A headline here');
    }
  });

  it('captures an agency dateline and byline', () => {
    const parsed = parsePlainText(
      'Fed holds rates steady\n\nBy Jane Doe\n\nWASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday, ' +
        'saying inflation remained elevated while the labour market cooled further this quarter.\n\nMore text follows here.',
    );
    expect(parsed.headline).toBe('Fed holds rates steady');
    expect(parsed.byline).toBe('Jane Doe');
    expect(parsed.dateline).toBe('WASHINGTON (Reuters)');
    expect(parsed.located).toBe('Washington');
    expect(parsed.provider).toBe('Reuters');
  });

  it('rejects empty text and a headline without body with a reason', () => {
    expect(() => parsePlainText('  \n\n ')).toThrow(ParseRejection);
    expect(() => parsePlainText('Just a headline')).toThrow(/no body/);
  });
});

describe('parsePlainText on a story without a masthead', () => {
  it.each([
    ['a headline, a blank line and one short paragraph', 'Markets rally\n\nStocks rose on Monday.', 'Markets rally', 'Stocks rose on Monday.'],
    ['Windows line ends and two paragraphs', 'Markets rally\r\n\r\nStocks rose on Monday.\r\n\r\nBonds fell.', 'Markets rally', 'Stocks rose on Monday.\n\nBonds fell.'],
    ['no blank lines: one paragraph per line', 'Markets rally\nStocks rose on Monday.\nBonds fell.', 'Markets rally', 'Stocks rose on Monday.\n\nBonds fell.'],
    ['paragraphs without final stops', 'Markets rally\n\nStocks rose sharply\n\nBonds fell', 'Markets rally', 'Stocks rose sharply\n\nBonds fell'],
    ['a question as headline', 'Is the Fed done?\n\nMaybe not, traders say.', 'Is the Fed done?', 'Maybe not, traders say.'],
    [
      'the headline on the line right above a long paragraph',
      'Fed holds rates steady\nWASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday, saying inflation remained elevated.\n\nMore text follows here.',
      'Fed holds rates steady',
      'WASHINGTON (Reuters) - The Federal Reserve held interest rates steady on Wednesday, saying inflation remained elevated.\n\nMore text follows here.',
    ],
    [
      'old wire copy: indented paragraphs, wrapped lines',
      'MARKETS RALLY\n    NEW YORK (AP) - Stocks rose on Monday after the\nFed signalled cuts.\n    Bonds fell as\ntraders bet.',
      'MARKETS RALLY',
      'NEW YORK (AP) - Stocks rose on Monday after the Fed signalled cuts.\n\nBonds fell as traders bet.',
    ],
  ])('%s', (_case, text, headline, bodyText) => {
    const parsed = parsePlainText(text);
    expect(parsed.headline).toBe(headline);
    expect(parsed.bodyText).toBe(bodyText);
    expect(parsed.publisher).toBeUndefined();
  });

  it('keeps a byline and a dateline in a short story', () => {
    const parsed = parsePlainText('Markets rally\n\nBy Jane Doe\n\nNEW YORK (AP) — Stocks rose on Monday.');
    expect(parsed).toMatchObject({ headline: 'Markets rally', byline: 'Jane Doe', dateline: 'NEW YORK (AP)', provider: 'AP', bodyText: 'NEW YORK (AP) — Stocks rose on Monday.' });
  });

  it('still reads a masthead above the headline in a short story', () => {
    const parsed = parsePlainText('24 novembre 2024\n\nDaily Impact European\n\nMarkets rally\n\nStocks rose on Monday.');
    expect(parsed).toMatchObject({ headline: 'Markets rally', publisher: 'Daily Impact European', bodyText: 'Stocks rose on Monday.' });
  });
});
