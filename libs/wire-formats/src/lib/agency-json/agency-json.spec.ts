import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { parseDocument } from '../dispatch/parse-document';
import { parseSubmission } from '../intake/submission';
import { parseNinjs } from '../ninjs/ninjs-parser';
import { parseAgencyJson } from './agency-json';

const fixture = (path: string) => readFileSync(join(__dirname, '../../fixtures', path));
const article = (item: ItemOutcome): ArticleDraft => {
  if (!item.ok) throw new Error(`rejected: ${item.reason}`);
  return item.article;
};

describe('dpa digitalwires', () => {
  it.each([
    ['application/json', parseSubmission],
    ['application/ninjs+json', parseDocument],
    [undefined, parseDocument],
  ])('is read by its own reader when sent as %s (not as ninjs)', (contentType, parse) => {
    const outcome = parse({ body: fixture('agency-json/dpa-digitalwires.json'), contentType });
    expect(outcome.format).toBe('dpa-digitalwires');
    const a = article(outcome.items[0]);
    expect(a.uri).toBe('urn:newsml:dpa.com:20090101:241125-930-000001');
    expect(a.bodyText).toBe('Die Koalition hat sich nach langen Verhandlungen auf die Eckpunkte des Haushalts für das kommende Jahr geeinigt.\n\nEinsparungen\n\nDie Einigung sieht Einsparungen in mehreren Ressorts vor.');
  });

  it('takes the embargo instant from the editors\' note when the entry has no embargoed field', () => {
    const entry = JSON.parse(fixture('agency-json/dpa-digitalwires.json').toString('utf8'));
    const strip = (e: Record<string, unknown>) => delete e['embargoed'];
    if (Array.isArray(entry.entries)) entry.entries.forEach(strip);
    else strip(entry);
    const a = article(parseAgencyJson(JSON.stringify(entry)).items[0]);
    expect(a.embargoed).toBe('2024-11-25T09:00:00.000Z');
    expect(a.embargoNote).toContain('Sperrfrist');
  });

  it('reads version, dates, status, signal, embargo, language and people', () => {
    const a = article(parseAgencyJson(fixture('agency-json/dpa-digitalwires.json')).items[0]);
    expect(a).toMatchObject({
      headline: 'Koalition einigt sich auf Eckpunkte für den Haushalt',
      subheadline: 'Einsparungen in mehreren Ressorts',
      description: 'Nach langen Verhandlungen steht der Rahmen. Über die Details berät der Ausschuss.',
      byline: 'Anna Beispiel, dpa',
      dateline: 'Berlin (dpa)',
      located: 'Berlin',
      version: 2,
      firstCreated: '2024-11-25T08:40:00.000Z',
      versionCreated: '2024-11-25T09:05:00.000Z',
      embargoed: '2024-11-25T09:00:00.000Z',
      embargoNote: 'Bitte beachten Sie die Sperrfrist bis 25.11.2024, 10.00 Uhr MEZ.',
      signals: ['update'],
      language: 'de',
      urgency: 3,
      keywords: ['Haushalt', 'Koalition'],
      provider: 'dpa',
    });
    expect(a.people).toEqual([{ name: 'Anna Muster', uri: 'dpaperson:1' }]);
    expect(a.subjects).toEqual([{ scheme: 'dpasubject', code: '123', name: 'Haushalt' }]);
    expect(a.places).toEqual([{ name: 'Berlin', uri: 'dpageo:3' }]);
  });

  it('reads an envelope of entries, one outcome each: an account byline goes, a canceled entry says so', () => {
    const outcome = parseNinjs(fixture('agency-json/dpa-digitalwires-entries.json'));
    expect(outcome.format).toBe('dpa-digitalwires');
    expect(outcome.items).toHaveLength(2);
    expect(article(outcome.items[0]).byline).toBeUndefined();
    expect(article(outcome.items[1])).toMatchObject({ pubStatus: 'canceled', version: 3 });
  });
});

describe('AFP API documents', () => {
  const outcome = parseSubmission({ body: fixture('agency-json/afp-docs.json'), contentType: 'application/json' });

  it('are read by their own reader, not as the canonical JSON they resemble', () => {
    expect(outcome.format).toBe('afp-json');
    expect(outcome.items).toHaveLength(2);
  });

  it('take the id from the NewsML identity (without revision), the text from the paragraphs', () => {
    const a = article(outcome.items[0]);
    expect(a).toMatchObject({
      uri: 'urn:newsml:afp.com:20240710T125902Z:TX-EX-ABC12',
      version: 2,
      headline: 'Fire guts warehouse in Strasbourg port',
      bodyText: 'A fire gutted a warehouse in the port of Strasbourg on Monday, but no one was hurt, firefighters said.\n\nThe cause of the fire was not yet known.',
      description: 'No one was hurt in the blaze.',
      firstCreated: '2024-07-10T12:59:02.000Z',
      versionCreated: '2024-07-10T13:15:02.000Z',
      language: 'en',
      pubStatus: 'usable',
      byline: 'Marie EXAMPLE',
      located: 'Strasbourg',
      urgency: 3,
    });
    expect(a.subjects).toEqual([{ scheme: 'subj', code: '03000000' }]);
  });

  it('fall back to the UNO as id; an advisory embargo is metadata; an account creator is no byline', () => {
    const a = article(outcome.items[1]);
    expect(a.uri).toBe('urn:afp:NEWS-EN-000002-EXMPL');
    expect(a.embargoed).toBe('2024-07-11T00:01:00.000Z');
    expect(a.embargoNote).toBe('EMBARGOED until 0001 GMT July 11, 2024');
    expect(a.byline).toBeUndefined();
  });
});

describe('JSON that is in no agency format', () => {
  it('is still read as ninjs', () => {
    expect(parseDocument({ body: fixture('ninjs/v1-text.json'), contentType: 'application/json' }).format).toBe('ninjs');
  });

  it("keeps an AP media API item's id (altids.itemid), not its download URL with access parameters", () => {
    const ap = { api_version: '1.1', data: { item: { uri: 'https://api.example.com/media/v/content/5ee9b4?qt=abc&et=1', altids: { itemid: '5ee9b4', etag: '5ee9b4_1' }, version: 1, headline: 'H', versioncreated: '2019-07-03T04:05:12Z' } } };
    const outcome = parseDocument({ body: JSON.stringify(ap), contentType: 'application/json' });
    expect(outcome.format).toBe('ninjs');
    expect(article(outcome.items[0]).uri).toBe('5ee9b4');
  });

  it('is refused by the agency entry point with a reason', () => {
    expect(() => parseAgencyJson('{"uri":"u","headline":"h"}')).toThrow(expect.objectContaining({ code: 'unsupported-format' }));
  });
});
