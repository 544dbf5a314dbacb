import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlainText } from './plaintext-parser';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/plaintext', name), 'utf8');

describe('parsePlainText on agency copy without a masthead', () => {
  it('takes the first line as the headline and a short lead as the body, not as the headline', () => {
    const a = parsePlainText(fixture('headline-first.txt'));
    expect(a.headline).toBe('Harbour fire guts warehouse in Rotterdam');
    expect(a.publisher).toBeUndefined();
    expect(a.bodyText.startsWith('ROTTERDAM (Example Press) - A fire gutted a warehouse')).toBe(true);
    expect(a.bodyText.split('\n\n')).toHaveLength(3);
    expect(a).toMatchObject({ dateline: 'ROTTERDAM (Example Press)', provider: 'Example Press' });
  });

  it('takes a short lead sentence right under the headline as body', () => {
    const a = parsePlainText('Fed holds rates steady\n\nThe Fed held rates on Wednesday.\n\nIt said inflation remained elevated while the labour market cooled further in the quarter, and markets barely moved on the news.');
    expect(a.headline).toBe('Fed holds rates steady');
    expect(a.bodyText.startsWith('The Fed held rates on Wednesday.')).toBe(true);
  });

  it('takes a second label under the headline as its subheadline, not the headline', () => {
    const a = parsePlainText('Harbour fire guts warehouse\n\nNo one hurt, brigade says\n\nROTTERDAM (Example Press) - A fire gutted a warehouse on Monday.');
    expect(a).toMatchObject({ headline: 'Harbour fire guts warehouse', subheadline: 'No one hurt, brigade says' });
    expect(a.publisher).toBeUndefined();
  });

  it('does not take a photo caption ("1 of 2.") for the headline, nor an account for the byline', () => {
    const a = parsePlainText(fixture('caption-first.txt'));
    expect(a.headline).toBe('Harbour fire guts warehouse in Rotterdam');
    expect(a.byline).toBeUndefined();
    expect(a.bodyText).not.toMatch(/1 of 2|newsdesk_bot|Photo\//);
    expect(a.bodyText.startsWith('ROTTERDAM (Example Press)')).toBe(true);
  });

  it('derives the headline from the lead, without its dateline, when the text has only captions above it', () => {
    const a = parsePlainText('1 of 4. Rescuers search the harbour, November 13, 2023. REUTERS/Jan Voorbeeld\n\nROTTERDAM (Reuters) - Rescuers searched the harbour on Monday after a ferry capsized. More text follows here.');
    expect(a.headline).toBe('Rescuers searched the harbour on Monday after a ferry capsized.');
    expect(a.bodyText.startsWith('ROTTERDAM (Reuters) - Rescuers')).toBe(true);
  });

  it('keeps the header block and notes to editors out, and the embargo as metadata', () => {
    const a = parsePlainText(fixture('header-block.txt'));
    expect(a.headline).toBe('Großbrand im Rotterdamer Hafen');
    expect(a.byline).toBe('Anna Beispiel');
    expect(a.embargoNote).toBe('Sperrfrist: 25. November 2024, 10.00 Uhr MEZ');
    expect(a.embargoed).toBe('2024-11-25T09:00:00.000Z');
    expect(a.bodyText.split('\n\n')).toEqual([
      'Rotterdam (exp) - Ein Großbrand hat am Montag ein Lagerhaus im Rotterdamer Hafen zerstört. Verletzt wurde niemand, wie die Feuerwehr mitteilte.',
      'Rund 80 Feuerwehrleute kämpften sechs Stunden lang gegen die Flammen.',
    ]);
  });

  it('stops at the notes that are not for publication', () => {
    const a = parsePlainText('Harbour reopens\n\nThe harbour reopened on Friday.\n\nThe following information is not for publication\n\nContact: desk@example.com');
    expect(a.bodyText).toBe('The harbour reopened on Friday.');
  });
});
