import { parseNewsMlG2 } from '@newswire/wire-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toNewsmlG2 } from './newsml-g2';
import { sampleStory } from '../testing/story';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', isArray: (name) => ['subject', 'headline', 'altId', 'signal', 'keyword'].includes(name) });
const tree = (xml: string) => (parser.parse(xml) as { newsItem: Node }).newsItem;
const read = (xml: string) => {
  const [item] = parseNewsMlG2(xml).items;
  if (!item?.ok) throw new Error(`not read back: ${JSON.stringify(item)}`);
  return item.article;
};

describe('toNewsmlG2', () => {
  it('writes a NewsML-G2 newsItem with itemMeta, contentMeta and an XHTML body', () => {
    const xml = toNewsmlG2(sampleStory());
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = tree(xml);
    expect(item).toMatchObject({ '@guid': 'urn:agency:story:42', '@version': '3', '@standard': 'NewsML-G2', '@standardversion': '2.34', '@xml:lang': 'en' });
    expect(item['itemMeta']).toMatchObject({
      itemClass: { '@qcode': 'ninat:text' },
      provider: { '@literal': 'Example' },
      versionCreated: '2024-11-24T09:30:00.000Z',
      firstCreated: '2024-11-24T08:00:00.000Z',
      embargoed: '2024-11-25T10:00:00.000Z',
      pubStatus: { '@qcode': 'stat:usable' },
      signal: [{ '@qcode': 'sig:correction' }],
    });
    const meta = item['contentMeta'] as Node;
    expect(meta['located']).toMatchObject({ '@uri': 'https://sws.geonames.org/524901/', name: 'Moscow' });
    const subjects = (meta['subject'] as Node[]).map((s) => [s['@type'], s['@qcode'] ?? s['@uri'] ?? s['@literal'], s['name']]);
    expect(subjects).toEqual([
      ['cpnat:abstract', 'medtop:11000000', 'politics'],
      ['cpnat:abstract', 'Cuba', undefined],
      ['cpnat:abstract', 'medtop:04000000', 'economy'],
      ['cpnat:person', 'http://www.wikidata.org/entity/Q7747', 'Vladimir Putin'],
      ['cpnat:person', 'Miguel Diaz-Canel', 'Miguel Diaz-Canel'],
      ['cpnat:organisation', 'Kremlin', 'Kremlin'],
      ['cpnat:geoArea', 'https://sws.geonames.org/524901/', 'Moscow'],
      ['cpnat:geoArea', 'iso3166-1a2:CU', 'Cuba'],
    ]);
    expect((meta['altId'] as Node[]).map((a) => [a['@type'], a['#text']])).toContainEqual(['nwid:storyKey', 'example|urn:agency:story:42']);
    const back = read(xml);
    expect(back).toMatchObject({
      headline: 'Putin meets Diaz-Canel in Moscow',
      subheadline: 'Cuba seeks support',
      byline: 'Jane Doe',
      dateline: 'MOSCOW, Nov 24',
      bodyText: 'Vladimir Putin met Miguel Diaz-Canel in Moscow.\n\nThey talked.',
      version: 3,
      pubStatus: 'usable',
      signals: ['correction'],
      urgency: 3,
      keywords: ['cuba', 'russia'],
      embargoNote: 'Sperrfrist: 25. November, 10.00 Uhr MEZ',
    });
  });

  it('escapes every value: markup, quotes, ampersands and CDATA ends stay text; characters XML cannot carry are dropped', () => {
    const hostile = 'Tom & Jerry <script>alert("x")</script> \']]> \u0001end';
    const xml = toNewsmlG2(sampleStory({ uri: 'urn:x:"quoted"&<tag>', headline: hostile, byline: hostile, keywords: [hostile], bodyHtml: undefined, bodyText: `${hostile}\n\nSecond paragraph.` }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u0001');
    const item = tree(xml);
    expect(item['@guid']).toBe('urn:x:"quoted"&<tag>');
    const meta = item['contentMeta'] as Node;
    expect((meta['headline'] as unknown[])[0]).toBe('Tom & Jerry <script>alert("x")</script> \']]> end');
    expect(read(xml).bodyText).toContain('Second paragraph.');
  });

  it('turns HTML into well-formed XHTML: void elements closed, entities decoded, bare attributes dropped', () => {
    const bodyHtml = '<p>One&nbsp;two<br>three &amp; four</p><img src="https://example.com/a.jpg" alt=""><table><tr><td nowrap colspan="2">cell</td></tr></table><p>Caf&eacute; &lt;b&gt;</p>';
    const xml = toNewsmlG2(sampleStory({ bodyHtml }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<br />');
    expect(xml).toContain('alt=""');
    expect(xml).not.toMatch(/\snowrap[\s>]/);
    expect(read(xml).bodyText).toContain('Café <b>');
  });

  it('writes no contentSet for a story served without its body, and times a story without times by its arrival', () => {
    const xml = toNewsmlG2(sampleStory({ pubStatus: 'canceled', bodyText: undefined, bodyHtml: undefined, versionCreated: undefined, firstCreated: undefined }));
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = tree(xml);
    expect(item['contentSet']).toBeUndefined();
    expect(item['itemMeta']).toMatchObject({ versionCreated: '2024-11-24T09:31:00.000Z', pubStatus: { '@qcode': 'stat:canceled' } });
  });
});
