import { toNinjs } from './ninjs';
import { sampleStory } from '../testing/story';
import { ninjsValidator } from '../testing/ninjs-validator';

const validate = ninjsValidator();

describe('toNinjs', () => {
  it('maps the story onto ninjs 2.1 names, valid against IPTC\'s schema', () => {
    const item = toNinjs(sampleStory());
    expect(validate(item)).toBe(true);
    expect(item).toMatchObject({
      uri: 'urn:agency:story:42',
      type: 'text',
      representationtype: 'full',
      standard: { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' },
      version: '3',
      firstcreated: '2024-11-24T08:00:00.000Z',
      versioncreated: '2024-11-24T09:30:00.000Z',
      embargoed: '2024-11-25T10:00:00.000Z',
      ednote: 'Sperrfrist: 25. November, 10.00 Uhr MEZ',
      pubstatus: 'usable',
      urgency: 3,
      language: 'en',
      headlines: [
        { role: 'main', contenttype: 'text/plain', value: 'Putin meets Diaz-Canel in Moscow' },
        { role: 'sub', contenttype: 'text/plain', value: 'Cuba seeks support' },
      ],
      by: 'Jane Doe',
      located: 'Moscow',
      descriptions: [{ role: 'summary', contenttype: 'text/plain', value: 'Leaders met.' }],
      bodies: [
        { role: 'main', contenttype: 'text/html', value: '<p>Vladimir Putin met Miguel Diaz-Canel in Moscow.</p><p>They talked.</p>' },
        { role: 'main', contenttype: 'text/plain', value: 'Vladimir Putin met Miguel Diaz-Canel in Moscow.\n\nThey talked.', charcount: 61, wordcount: 10 },
      ],
      copyrightholder: 'Example Wire',
      infosources: [{ name: 'Example' }],
    });
    expect(item.altids).toEqual([
      { role: 'newswire:article-id', value: 'art-1' },
      { role: 'newswire:story-key', value: 'example|urn:agency:story:42' },
      { role: 'newswire:cluster-id', value: 'cluster-1' },
      { role: 'newswire:dedup-status', value: 'new-version' },
      { role: 'newswire:duplicate-of', value: 'art-0' },
    ]);
  });

  it('merges the source\'s entities with enrichment\'s, one per name, with GeoNames URIs and ISO codes', () => {
    const item = toNinjs(sampleStory());
    expect(item.people).toEqual([{ name: 'Vladimir Putin', uri: 'http://www.wikidata.org/entity/Q7747' }, { name: 'Miguel Diaz-Canel' }]);
    expect(item.organisations).toEqual([{ name: 'Kremlin' }]);
    expect(item.places).toEqual([
      { name: 'Moscow', uri: 'https://sws.geonames.org/524901/' },
      { name: 'Cuba', literal: 'iso3166-1a2:CU' },
    ]);
  });

  it('links a country enrichment found to its Wikidata item, keeping the ISO code, and stays valid', () => {
    const story = sampleStory();
    const enrichment = story.enrichment;
    if (!enrichment) throw new Error('the sample story has an enrichment');
    enrichment.places = enrichment.places.map((p) => (p.name === 'Cuba' ? { ...p, wikidataId: 'Q241' } : p));
    const item = toNinjs(story);
    expect(item.places).toContainEqual({ name: 'Cuba', uri: 'http://www.wikidata.org/entity/Q241', literal: 'iso3166-1a2:CU' });
    expect(validate(item)).toBe(true);
  });

  it('gives subjects their NewsCodes URI and qcode, and enrichment\'s its confidence and creator', () => {
    expect(toNinjs(sampleStory()).subjects).toEqual([
      { name: 'politics', uri: 'http://cv.iptc.org/newscodes/mediatopic/11000000', literal: 'medtop:11000000' },
      { literal: 'Cuba' },
      { name: 'economy', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000', literal: 'medtop:04000000', confidence: 40, creator: 'medtop-nb/2' },
    ]);
  });

  it('carries a source id that is not a URI as a URN, and the id itself as an alternative id', () => {
    const item = toNinjs(sampleStory({ uri: 'AP 2024/11 #7' }));
    expect(validate(item)).toBe(true);
    expect(item.uri).toBe('urn:newswire:source-id:AP%202024%2F11%20%237');
    expect(item.altids).toContainEqual({ role: 'newswire:source-id', value: 'AP 2024/11 #7' });
  });

  it('writes a story served without its body (killed, or withheld from the reader) as a partial item', () => {
    const item = toNinjs(sampleStory({ pubStatus: 'canceled', bodyText: undefined, bodyHtml: undefined, description: undefined }));
    expect(validate(item)).toBe(true);
    expect(item).toMatchObject({ pubstatus: 'canceled', representationtype: 'partial' });
    expect(item.bodies).toBeUndefined();
    expect(item.descriptions).toBeUndefined();
  });

  it('writes only what the story has: a bare story is a bare item', () => {
    const story = sampleStory({ version: undefined, firstCreated: undefined, versionCreated: undefined, embargoed: undefined, embargoNote: undefined, urgency: undefined, subheadline: undefined, byline: undefined, description: undefined, subjects: [], people: [], publisher: undefined, provider: undefined, bodyHtml: undefined });
    const item = toNinjs({ article: story.article });
    expect(validate(item)).toBe(true);
    expect(Object.keys(item).sort()).toEqual(['altids', 'bodies', 'headlines', 'language', 'pubstatus', 'representationtype', 'standard', 'type', 'uri']);
  });
});
