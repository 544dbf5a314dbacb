import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseIptc7901 } from './wire-text-parser';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};
const SOH = '\u0001';
const STX = '\u0002';
const ETX = '\u0003';
const EOT = '\u0004';
// eslint-disable-next-line no-control-regex -- the point is that none survives
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe('parseIptc7901 on an English take (dpa layout)', () => {
  const outcome = parseIptc7901(fixture('iptc-7901/english-refile.txt'));
  const a = article(outcome.items[0]);

  it('reads the heading: take labels out, headline, byline', () => {
    expect(outcome.format).toBe('iptc-7901');
    expect(a.headline).toBe('Fire guts warehouse in Rotterdam port, no one hurt');
    expect(a.byline).toBe('Anna Example, Example Press');
    expect(a.signals).toEqual(['update']);
  });

  it('reads the header (priority as urgency) and the keyword line', () => {
    expect(a.urgency).toBe(3);
    expect(a.keywords).toEqual(['Netherlands', 'port', 'fire']);
  });

  it('dates the story from the trailer and names it by source, number and time of sending', () => {
    expect(a.firstCreated).toBe('2023-11-13T11:37:00.000Z');
    expect(a.versionCreated).toBe('2023-11-13T11:37:00.000Z');
    expect(a.uri).toBe('urn:iptc7901:eca0417:2023-11-13T11:37:00.000Z');
    expect(a.sequence).toEqual({ series: 'eca', number: 417, wrapsAfter: 9999 });
  });

  it('joins wrapped lines into paragraphs, by indent and by blank line, and stops before the notes', () => {
    expect(a.bodyText.split('\n\n')).toEqual([
      'Rotterdam (exp) - A fire gutted a warehouse in the port of Rotterdam on Monday, sending a column of black smoke over the city, but no one was hurt, the fire brigade said.',
      'About 80 firefighters fought the blaze for six hours before it was under control. Residents were told to keep windows closed.',
      'The cause of the fire was not yet known, a spokeswoman for the port authority said. The warehouse stored furniture and textiles.',
      'Shipping in the harbour was not affected.',
    ]);
    expect(a.bodyText).not.toMatch(/not for publication|contacts|exp ae js/);
    expect(a).toMatchObject({ dateline: 'Rotterdam (exp)', located: 'Rotterdam', provider: 'exp' });
  });

  it('leaves no control character anywhere', () => {
    for (const value of [a.headline, a.bodyText, a.byline, a.bodyHtml, a.uri]) expect(value).not.toMatch(CONTROL);
  });
});

describe('parseIptc7901 on a German take with a Sperrfrist', () => {
  const a = article(parseIptc7901(fixture('iptc-7901/german-sperrfrist.txt')).items[0]);

  it('keeps the embargo as metadata, the instant in UTC, and out of the headline and body', () => {
    expect(a.embargoNote).toBe('Sperrfrist: 25. November 2024, 10.00 Uhr MEZ');
    expect(a.embargoed).toBe('2024-11-25T09:00:00.000Z');
    expect(a.headline).toBe('Koalition einigt sich auf Eckpunkte für den Haushalt');
    expect(a.bodyText).not.toMatch(/Sperrfrist|KORR-Bericht/);
  });

  it('drops the note to editors and the closing line, keeps the story (Latin-1 decoded)', () => {
    expect(a.byline).toBe('Anna Beispiel, exp');
    expect(a.bodyText).not.toMatch(/Achtung Redaktionen|exp ab xy/);
    expect(a.bodyText.startsWith('Berlin (exp) - Die Koalition')).toBe(true);
    expect(a.bodyText.endsWith('in der kommenden Woche beraten.')).toBe(true);
    expect(a.firstCreated).toBe('2024-11-25T09:05:00.000Z');
  });
});

describe('parseIptc7901 on damaged messages', () => {
  it('reads a message whose ETX and EOT were lost, the trailer left in the text', () => {
    const a = article(parseIptc7901(fixture('iptc-7901/no-etx.txt')).items[0]);
    expect(a.headline).toBe('Port reopens after warehouse fire');
    expect(a.bodyText).toBe('Rotterdam (exp) - The port of Rotterdam reopened its eastern basin on Tuesday after a warehouse fire, the port authority said.');
    expect(a.firstCreated).toBe('2023-11-13T14:02:00.000Z');
  });

  it('refuses a message cut off in its header, with a reason', () => {
    expect(parseIptc7901(fixture('iptc-7901/truncated.txt')).items[0]).toMatchObject({ ok: false, code: 'malformed', reason: expect.stringMatching(/cut off/) });
  });

  it('reads a message whose control characters a gateway stripped', () => {
    // eslint-disable-next-line no-control-regex -- a gateway that strips the framing characters
    const stripped = fixture('iptc-7901/english-refile.txt').toString('utf8').replace(/[\u0001-\u0004\u007f]/g, '');
    const a = article(parseIptc7901(stripped).items[0]);
    expect(a.headline).toBe('Fire guts warehouse in Rotterdam port, no one hurt');
    expect(a.bodyText.startsWith('Rotterdam (exp) - A fire gutted')).toBe(true);
  });

  it('takes a story without a heading from its text, however long its lines', () => {
    const line = 'Word '.repeat(200_000).trim();
    const started = performance.now();
    const a = article(parseIptc7901(`${SOH}eca0001 4 i 9  exp 0001\r\n${STX}   Berlin (exp) - ${line}.\r\n${ETX}011200 GMT Mar 24\r\n${EOT}`).items[0]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(a.bodyText.length).toBeGreaterThan(1_000_000);
    expect(a.headline.length).toBeLessThanOrEqual(160);
    expect(a.dateline).toBe('Berlin (exp)');
  });

  it('reads only the first message when a second is glued on after EOT', () => {
    const one = `${SOH}eca0001 4 i 9  exp 0001\r\n${STX}First story =\r\n\r\nText of the first.\r\n${ETX}011200 GMT Mar 24\r\n${EOT}`;
    const a = article(parseIptc7901(one + one.replace(/first/gi, 'Second')).items[0]);
    expect(a.headline).toBe('First story');
    expect(a.bodyText).toBe('Text of the first.');
  });
});
