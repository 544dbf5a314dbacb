import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseAnpa1312 } from './wire-text-parser';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};
// eslint-disable-next-line no-control-regex -- the point is that none survives
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe('parseAnpa1312 on a story (AP layout)', () => {
  const outcome = parseAnpa1312(fixture('anpa-1312/story.tst'));
  const a = article(outcome.items[0]);

  it('takes the headline from the head lines, not the slug, the photo note or the editors note', () => {
    expect(outcome.format).toBe('anpa-1312');
    expect(a.headline).toBe('Fire guts warehouse in Rotterdam port');
  });

  it('reads the byline in name case, without the writer title', () => {
    expect(a.byline).toBe('Anna Example and John Sample');
  });

  it('reads tab-opened paragraphs with 7-bit dashes and quotes made typographic, without the rule', () => {
    expect(a.bodyText.split('\n\n')).toEqual([
      'ROTTERDAM, Netherlands (EXP) — A fire gutted a warehouse in the port of Rotterdam on Monday, but no one was hurt, the fire brigade said.',
      '“It was a very big fire,” a spokeswoman said. “We kept it away from the tanks.”',
      'About 80 firefighters — some from neighbouring towns — fought the blaze for six hours.',
      'Example Press writer Jan Voorbeeld contributed to this report.',
    ]);
    expect(a).toMatchObject({ dateline: 'ROTTERDAM, Netherlands (EXP)', located: 'Rotterdam', provider: 'EXP' });
  });

  it('dates and names it from the trailer and the selector line; the priority is the urgency', () => {
    expect(a.firstCreated).toBe('2023-11-13T15:09:00.000Z');
    expect(a.uri).toBe('urn:anpa1312:a0412:2023-11-13T15:09:00.000Z');
    // Service level `a`, sequence 0412 of four digits: it wraps after 9999 (feed health counts gaps).
    expect(a.sequence).toEqual({ series: 'a', number: 412, wrapsAfter: 9999 });
    expect(a.urgency).toBe(5);
    expect(a.version).toBeUndefined();
  });

  it('leaves no control character and no line mark anywhere', () => {
    for (const value of [a.headline, a.bodyText, a.byline, a.bodyHtml]) {
      expect(value).not.toMatch(CONTROL);
      expect(value).not.toMatch(/\^|<$|=$/m);
    }
  });
});

describe('parseAnpa1312 on a write-through with an embargo', () => {
  const a = article(parseAnpa1312(fixture('anpa-1312/embargo-writethru.tst')).items[0]);

  it('reads the lead number as version and the write-through as an update', () => {
    expect(a.version).toBe(2);
    expect(a.signals).toEqual(['update']);
    expect(a.urgency).toBe(3);
  });

  it('keeps the embargo in the editors note as metadata, not in the body', () => {
    expect(a.embargoNote).toBe('EMBARGOED until 0001 GMT March 5, 2024.');
    expect(a.embargoed).toBe('2024-03-05T00:01:00.000Z');
    expect(a.bodyText).not.toMatch(/EMBARGO|EDITOR'S NOTE|Eds:/);
  });

  it('drops an account as byline and joins wrapped lines (CR LF line ends)', () => {
    expect(a.byline).toBeUndefined();
    expect(a.bodyText.split('\n\n')).toEqual([
      'THE HAGUE, Netherlands (EXP) — Parliament passed the budget early on Tuesday after an all-night session, by 81 votes to 69.',
      'The vote ends weeks of talks between the coalition parties.',
    ]);
    expect(a.firstCreated).toBe('2024-03-04T22:15:00.000Z');
  });
});

describe('parseAnpa1312 on other shapes', () => {
  it('keeps each line of a table (DC2 format), without the end mark', () => {
    const a = article(parseAnpa1312(fixture('anpa-1312/tabular.tst')).items[0]);
    expect(a.headline).toBe('Harbour fees by berth');
    expect(a.bodyText.split('\n\n')).toEqual(['Berth;Fee;Currency', 'East 1;1200;EUR', 'East 2;950;EUR']);
  });

  it('refuses a message cut off before its text', () => {
    expect(parseAnpa1312(fixture('anpa-1312/truncated.tst')).items[0]).toMatchObject({ ok: false, code: 'malformed', reason: expect.stringMatching(/cut off/) });
  });

  it('reads a message with no ETX: the trailer left in the text dates it and is not body', () => {
    const text = fixture('anpa-1312/story.tst').toString('latin1').replace('\u0003', '').replace('\u0004', '');
    const a = article(parseAnpa1312(text).items[0]);
    expect(a.firstCreated).toBe('2023-11-13T15:09:00.000Z');
    expect(a.bodyText).not.toMatch(/EX-WF/);
  });

  it('reads a list sent as head lines only (an index) as the body', () => {
    const index = '\u0016\u0016\u0001a0001\u001f-----\nr e\u0013\u0011 EX-Top-Headlines     02-09 0030\n\u0002^*9006< ^EX-Top-Headlines,0030<\n^Top headlines at 11 p.m.<\n^Harbour fire guts warehouse<\n^Budget passes after all-night session<\n\u0003EX-WF-02-10-16 0423GMT<\n\u0004';
    const a = article(parseAnpa1312(index).items[0]);
    expect(a.headline).toBe('Top headlines at 11 p.m.');
    expect(a.bodyText).toBe('Harbour fire guts warehouse\n\nBudget passes after all-night session');
  });
});
