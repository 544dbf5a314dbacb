import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseNewsMlG2 } from './g2-parser';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/newsml-g2', name));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};

describe('parseNewsMlG2', () => {
  const outcome = parseNewsMlG2(fixture('news-message.xml'));

  it('reads a newsItem in a newsMessage with its metadata', () => {
    expect(outcome.format).toBe('newsml-g2');
    const a = article(outcome.items[0]);
    expect(a).toMatchObject({
      uri: 'urn:newsml:example.com:20240301:flood',
      version: 4,
      language: 'pt',
      pubStatus: 'withheld',
      signals: ['correction', 'update'],
      firstCreated: '2024-03-01T08:30:00.000Z',
      versionCreated: '2024-03-01T10:00:00.000Z',
      embargoed: '2024-03-01T12:00:00.000Z',
      urgency: 2,
      headline: 'Floods hit Porto & Gaia',
      subheadline: 'Hundreds evacuated',
      description: 'River Douro burst its banks.',
      byline: 'Rui Alves',
      dateline: 'PORTO, March 1',
      located: 'Porto',
      provider: 'Example Wire',
      publisher: 'Example Wire',
      keywords: ['flood'],
    });
    expect(a.subjects).toEqual([{ scheme: 'medtop', code: '06000000', name: 'environment' }]);
    expect(a.people).toEqual([{ name: 'Maria Lopes', uri: 'person:1' }]);
    expect(a.organisations).toEqual([{ name: 'Civil Protection', uri: 'org:2' }]);
    expect(a.places?.map((p) => p.name)).toEqual(['Porto']);
    expect(a.links).toEqual([{ href: 'https://example.com/flood', rel: 'irel:seeAlso' }]);
  });

  it('takes the body from inline NITF, sanitised', () => {
    const a = article(outcome.items[0]);
    expect(a.bodyText).toBe('The river burst its banks — again.\n\nRoads were closed.');
    expect(a.bodyHtml).toContain('<em>closed</em>');
    expect(a.bodyHtml).not.toContain('script');
  });

  it('rejects the package item as not a story', () => {
    expect(outcome.items[1]).toMatchObject({ ok: false, index: 1, code: 'not-a-story' });
    expect(!outcome.items[1].ok && outcome.items[1].reason).toMatch(/package item/);
  });

  it('reads XHTML inlineXML and plain inlineData bodies, and rejects concept items', () => {
    const items = parseNewsMlG2(fixture('xhtml-inlinedata.xml')).items;
    const xhtml = article(items[0]);
    expect(xhtml).toMatchObject({ headline: 'XHTML story', byline: 'Lee Chan', bodyText: 'First paragraph.\n\nSecond link.' });
    expect(xhtml.bodyHtml).not.toMatch(/onmouseover|<title>/);
    expect(article(items[1])).toMatchObject({ pubStatus: 'canceled', bodyText: 'Line one of the story.\n\nLine two of the story.' });
    expect(items[2]).toMatchObject({ ok: false, code: 'not-a-story' });
  });

  it('parses a picture item from its caption, with renditions', () => {
    const a = article(parseNewsMlG2(fixture('picture.xml')).items[0]);
    expect(a.headline).toBe('A cyclist crosses the finish line in Nice.');
    expect(a.bodyText).toBe('A cyclist crosses the finish line in Nice.');
    expect(a.renditions).toEqual([{ href: 'https://img.example.com/c.jpg', contentType: 'image/jpeg', width: 1200, height: 800, title: 'rnd:highRes' }]);
  });

  it('throws ParseRejection for fragments and foreign XML', () => {
    expect(() => parseNewsMlG2('<contentSet><inlineXML/></contentSet>')).toThrow(/fragment/);
    expect(() => parseNewsMlG2('<html><body/></html>')).toThrow(/expected a NewsML-G2/);
  });
});
