import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../dispatch/parse-document';
import { localTimeToIso, parseRitzau } from './ritzau-parser';

const queue = readFileSync(join(__dirname, '../../fixtures/ritzau/queue.xml'));

describe('parseRitzau', () => {
  it('reads every story of a queue answer, with Copenhagen local times, subjects, flags and the note to editors kept out', () => {
    const outcome = parseRitzau(queue);
    expect(outcome.format).toBe('ritzau-xml');
    expect(outcome.items).toHaveLength(2);
    const [story, flash] = outcome.items.map((i) => (i.ok ? i.article : undefined));
    expect(story).toMatchObject({
      uri: 'urn:ritzau:0f1e2d3c-0000-4000-8000-000000000001',
      version: 2,
      headline: 'Havnen i Eksempelby åbner igen efter stormen',
      subheadline: 'Færgerne sejler efter nedsat køreplan til fredag',
      byline: 'Kim Eksempel',
      located: 'Eksempelby',
      // 14:05 in Copenhagen in July is CEST, UTC+2.
      firstCreated: '2024-07-02T12:05:09.120Z',
      signals: ['correction'],
      urgency: 3,
      subjects: [
        { scheme: 'subj', code: '06000000' },
        { scheme: 'subj', code: '17000000' },
      ],
      keywords: ['HAVN/STORM-I', 'Indland'],
      embargoed: '2024-07-03T06:00:00.000Z',
      provider: 'Ritzau',
    });
    expect(story?.bodyText).toBe('Havnen i Eksempelby åbnede tirsdag igen, efter at mandskab har ryddet vraggods fra sidste uges storm, oplyser havnemyndigheden.\n\nFærgerne til øerne sejler efter en nedsat køreplan frem til fredag.');
    expect(story?.bodyText).not.toContain('Embargo');
    // A flash has no headline: its first sentence stands in; "Ritzau" signs it, which names no writer. January is CET, UTC+1.
    expect(flash).toMatchObject({ headline: 'Forskere i Eksempelland har i årevis testet udstødningsgas på dyr, oplyser de selv.', firstCreated: '2024-01-30T16:32:18.397Z' });
    expect(flash?.byline).toBeUndefined();
  });

  it('is recognised by its root whatever it is sent as', () => {
    for (const contentType of [undefined, 'application/xml', 'text/xml', 'text/plain']) expect(parseDocument({ body: queue, contentType }).format).toBe('ritzau-xml');
    const single = '<RBNews><NewsID>n1</NewsID><headline>Kort nyt</headline><content>&lt;p&gt;Tekst.&lt;/p&gt;</content></RBNews>';
    expect(parseDocument({ body: single }).items[0]).toMatchObject({ ok: true, article: { uri: 'urn:ritzau:n1', headline: 'Kort nyt', bodyText: 'Tekst.' } });
    expect(parseDocument({ body: '<XMLNewsQueuedResponse><XMLNewsQueuedResult><ListOfRBNews/></XMLNewsQueuedResult></XMLNewsQueuedResponse>' }).items[0]).toMatchObject({ ok: false, code: 'empty' });
  });
});

describe('localTimeToIso', () => {
  it.each([
    ['2024-01-30T17:32:18.397', '2024-01-30T16:32:18.397Z'],
    ['2024-07-02T14:05:09', '2024-07-02T12:05:09.000Z'],
    // The hour after the spring change (02:00 -> 03:00 on 31 March 2024) and the repeated hour in autumn.
    ['2024-03-31T03:30:00', '2024-03-31T01:30:00.000Z'],
    ['2024-10-27T04:00:00', '2024-10-27T03:00:00.000Z'],
    ['2024-07-02T14:05:09Z', '2024-07-02T14:05:09.000Z'],
    ['2024-07-02T14:05:09+05:00', '2024-07-02T09:05:09.000Z'],
  ])('reads %s', (local, iso) => {
    expect(localTimeToIso(local)).toBe(iso);
  });

  it.each(['', 'yesterday', '9999-01-01T00:00:00', '2024-13-40T25:00:00'])('refuses %j', (value) => {
    expect(localTimeToIso(value)).toBeUndefined();
  });
});
