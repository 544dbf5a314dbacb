import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseNinjs } from './ninjs-parser';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/ninjs', name));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};

describe('parseNinjs', () => {
  it('reads ninjs 1.x snake-case fields and sanitises body_html', () => {
    const outcome = parseNinjs(fixture('v1-text.json'));
    expect(outcome.format).toBe('ninjs');
    const a = article(outcome.items[0]);
    expect(a).toMatchObject({
      uri: 'urn:example:ninjs1:42',
      version: 3,
      versionCreated: '2024-03-01T09:15:00.000Z',
      firstCreated: '2024-03-01T09:00:00.000Z',
      embargoed: '2024-03-02T00:00:00.000Z',
      pubStatus: 'usable',
      urgency: 3,
      language: 'en',
      headline: 'Harbour reopens after storm',
      byline: 'Ana Costa',
      located: 'Lisbon',
      description: 'The port of Lisbon reopened on Friday.',
      keywords: ['port', 'storm'],
    });
    expect(a.bodyText).toBe('The port of Lisbon reopened on Friday after a two-day closure.\n\nShips queued overnight.');
    expect(a.bodyHtml).not.toMatch(/script|onclick|javascript/);
    expect(a.subjects).toEqual([{ scheme: 'medtop', code: '20000563', name: 'transport' }]);
    expect(a.people).toEqual([{ name: 'Ana Costa', rel: 'author' }]);
    expect(a.organisations?.[0].name).toBe('Port of Lisbon');
    expect(a.places?.[0].name).toBe('Lisbon');
    expect(a.renditions).toEqual([{ href: 'https://img.example.com/port.jpg', contentType: 'image/jpeg', width: 800, height: 600, title: 'main' }]);
  });

  it('reads ninjs 2.x in an {items: [...]} envelope and rejects the event item', () => {
    const outcome = parseNinjs(fixture('v2-envelope.json'));
    expect(outcome.items).toHaveLength(2);
    const a = article(outcome.items[0]);
    expect(a).toMatchObject({
      uri: 'urn:example:ninjs2:1',
      version: 2,
      pubStatus: 'canceled',
      headline: 'Minister resigns',
      subheadline: 'Second resignation this year',
      description: 'A minister resigned.',
      byline: 'Staff',
      bodyText: 'The minister resigned today.\n\nMore later.',
    });
    expect(a.bodyHtml).toBe('<p>The minister resigned <b>today</b>.</p><p>More later.</p>');
    expect(a.subjects).toEqual([{ scheme: 'medtop', code: '11000000', name: 'politics' }]);
    expect(a.people).toEqual([{ name: 'Jane Roe', uri: 'urn:person:jr' }]);
    expect(a.renditions?.[0]).toMatchObject({ href: 'https://img.example.com/t.jpg', width: 100 });
    expect(outcome.items[1]).toMatchObject({ ok: false, index: 1, code: 'not-a-story' });
  });

  it('reads ninjs 3.x camelCase inside {data: {...}}', () => {
    const a = article(parseNinjs(fixture('v3-data.json')).items[0]);
    expect(a).toMatchObject({
      uri: 'urn:example:ninjs3:7',
      pubStatus: 'withheld',
      urgency: 2,
      versionCreated: '2024-04-10T06:30:00.000Z',
      firstCreated: '2024-04-10T06:00:00.000Z',
      embargoed: '2024-04-11T06:00:00.000Z',
      headline: 'Rail strike called off',
      bodyText: 'Unions called off the strike.\n\nTrains run normally.',
      organisations: [{ name: 'Rail Union' }],
      places: [{ name: 'Berlin' }],
    });
  });

  it("reads an AP media API picture: the caption describes it, the credit line does not; the photographer signs it; the item id names it", () => {
    const item = {
      uri: 'https://api.example.com/media/v/content/abc123?qt=TOKEN1&et=ETAG1',
      altids: { itemid: 'abc123', etag: 'abc123_ETAG1' },
      version: 0,
      type: 'picture',
      headline: 'Harbour reopens',
      description_creditline: 'Kim Lee/Example/AP',
      description_caption: 'Crews clear debris from the harbour in Port Example, March 10, 2015.',
      photographer: { name: 'Kim Lee', code: 'p1' },
    };
    const [outcome] = parseNinjs(JSON.stringify({ api_version: '1.1', data: { item } })).items;
    expect(article(outcome)).toMatchObject({
      uri: 'abc123',
      description: 'Crews clear debris from the harbour in Port Example, March 10, 2015.',
      bodyText: 'Crews clear debris from the harbour in Port Example, March 10, 2015.',
      byline: 'Kim Lee',
    });
  });

  it('reads a bare array of items', () => {
    const outcome = parseNinjs(JSON.stringify([{ uri: 'a', headline: 'One', body_text: 'Body one' }, { uri: 'b', headline: 'Two' }]));
    expect(outcome.items.map((i) => i.ok)).toEqual([true, true]);
  });

  it('rejects an item without any text, and JSON that is not ninjs', () => {
    expect(parseNinjs('{"uri":"x"}').items[0]).toMatchObject({ ok: false, code: 'missing-headline' });
    expect(() => parseNinjs('{"foo": 1}')).toThrow(/no uri, headline or body/);
    expect(() => parseNinjs('{"uri": ')).toThrow(/not valid JSON/);
  });
});
