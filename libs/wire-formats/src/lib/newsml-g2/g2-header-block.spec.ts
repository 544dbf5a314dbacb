import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseNewsMlG2 } from './g2-parser';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};
const item = (cs: string) =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>` +
  `<contentMeta><headline>Head</headline></contentMeta><contentSet>${cs}</contentSet></newsItem>`;

describe('NewsML-G2 bodies that open with the agency header block (dpa layout)', () => {
  const outcome = parseNewsMlG2(fixture('newsml-g2/header-block.xml'));
  const a = article(outcome.items[0]);

  it('reads a prefixed xhtml:body, without the head title, the header block or the keyword line', () => {
    expect(a.bodyText.split('\n\n')).toEqual([
      'Berlin (exp) - Die Koalition hat sich nach langen Verhandlungen auf die Eckpunkte des Haushalts geeinigt.',
      'Die Einigung sieht Einsparungen in mehreren Ressorts vor.',
    ]);
    expect(a.bodyHtml).not.toMatch(/KORR-Bericht|Haushalt\/Koalition|<h1>/);
  });

  it('keeps the embargo instruction as metadata, leaves the note to editors and the sign-off out', () => {
    expect(a.embargoNote).toBe('Sperrfrist: 25. November 2024, 10.00 Uhr MEZ');
    expect(a.embargoed).toBe('2024-11-25T09:00:00.000Z');
    expect(a.bodyText).not.toMatch(/Achtung Redaktionen|exp ab xy|Sperrfrist/);
  });

  it('takes the byline from the header block, not from the creator account', () => {
    expect(a.byline).toBe('Anna Beispiel, exp');
  });

  it('refuses an item that is only a note to editors', () => {
    expect(outcome.items[1]).toMatchObject({ ok: false, code: 'not-a-story', reason: expect.stringContaining('note to editors') });
  });
});

describe('NewsML-G2 XHTML bodies', () => {
  it('finds an escaped xhtml:body in inlineData, without the title text', () => {
    const a = article(parseNewsMlG2(fixture('newsml-g2/inline-data-xhtml.xml')).items[0]);
    expect(a.bodyText).toBe('The Douro burst its banks on Friday.\n\nHundreds were evacuated.');
    expect(a.bodyHtml).toBe('<p>The Douro burst its banks on Friday.</p><p>Hundreds were evacuated.</p>');
  });

  it.each([
    ['a prefixed html/body', '<inlineXML contenttype="application/xhtml+xml"><x:html xmlns:x="http://www.w3.org/1999/xhtml"><x:head><x:title>T</x:title></x:head><x:body><x:p>Para one.</x:p></x:body></x:html></inlineXML>'],
    ['a bare prefixed body', '<inlineXML contenttype="application/xhtml+xml"><xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>Para one.</xhtml:p></xhtml:body></inlineXML>'],
    ['an untyped inlineXML', '<inlineXML><xhtml:body xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:section><xhtml:p>Para one.</xhtml:p></xhtml:section></xhtml:body></inlineXML>'],
  ])('reads %s', (_case, contentSet) => {
    expect(article(parseNewsMlG2(item(contentSet)).items[0]).bodyText).toBe('Para one.');
  });

  it('keeps the text of a flash that only repeats its headline, and still drops a repeat above the story', () => {
    const xhtml = (paragraphs: string[]) => `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html></inlineXML>`;
    expect(article(parseNewsMlG2(item(xhtml(['Head!']))).items[0]).bodyText).toBe('Head!');
    expect(article(parseNewsMlG2(item(xhtml(['Head', 'The story.']))).items[0]).bodyText).toBe('The story.');
  });

  it('keeps a body paragraph that merely mentions an embargo', () => {
    const a = article(parseNewsMlG2(item('<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body><p>The EU lifted its embargo on Monday.</p></body></html></inlineXML>')).items[0]);
    expect(a.bodyText).toBe('The EU lifted its embargo on Monday.');
    expect(a.embargoNote).toBeUndefined();
  });
});
