import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNitf } from './nitf-parser';

describe('parseNitf', () => {
  const outcome = parseNitf(readFileSync(join(__dirname, '../../fixtures/nitf/story.xml')));
  const item = outcome.items[0];
  const a = item.ok ? item.article : undefined;

  it('reads head, docdata and body.head, decoding Latin-1 and ignoring the external DTD', () => {
    expect(outcome.format).toBe('nitf');
    expect(a).toMatchObject({
      uri: 'NITF.2002.0403.1',
      urgency: 4,
      firstCreated: '2002-04-03T14:00:00.000Z',
      headline: 'Heatwave grips Spain',
      subheadline: 'Records fall in Andalusia',
      byline: 'Ana Silva',
      located: 'Sevilla',
      provider: 'Example Agency',
      description: 'Temperatures reached 44 degrees.',
      keywords: ['heat', 'summer'],
      people: [{ name: 'Ana Silva' }],
      organisations: [{ name: 'Met Office' }],
      places: [{ name: 'Sevilla' }],
      subjects: [{ scheme: 'subj', code: '17000000', name: 'Weather' }],
    });
    expect(a?.dateline).toContain('Sevilla');
  });

  it('keeps body paragraphs, with soft line breaks joined', () => {
    expect(a?.bodyText).toBe('Temperatures in Sevilla reached 44 degrees, a record for the season. Café owners closed early.\n\nMore heat is expected tomorrow.');
    expect(a?.bodyHtml).toContain('<p>');
  });

  it('reads an embargo from date.release, an editor\'s message, or a leading body paragraph', () => {
    const nitf = (docdata: string, body = '<p>Budget text.</p>') =>
      parseNitf(`<nitf><head><docdata><date.issue norm="20241125T080000Z"/>${docdata}</docdata></head><body><body.head><hedline><hl1>Budget</hl1></hedline></body.head><body.content>${body}</body.content></body></nitf>`).items[0];
    const embargoOf = (item: ReturnType<typeof nitf>) => (item.ok ? [item.article.embargoed, item.article.embargoNote] : item.reason);
    expect(embargoOf(nitf('<date.release norm="20241125T100000Z"/>'))).toEqual(['2024-11-25T10:00:00.000Z', undefined]);
    expect(embargoOf(nitf('<date.release norm="20241125T070000Z"/>'))).toEqual([undefined, undefined]);
    expect(embargoOf(nitf('<ed-msg info="EMBARGOED until 0900 GMT November 25, 2024"/>'))).toEqual(['2024-11-25T09:00:00.000Z', 'EMBARGOED until 0900 GMT November 25, 2024']);
    expect(embargoOf(nitf('', '<p>EMBARGOED until 0900 GMT November 25, 2024</p><p>Budget text.</p>'))).toEqual(['2024-11-25T09:00:00.000Z', 'EMBARGOED until 0900 GMT November 25, 2024']);
  });

  it('falls back to head/title and rejects an empty story', () => {
    const titled = parseNitf('<nitf><head><title>Only title</title></head><body><body.content><p>Text.</p></body.content></body></nitf>').items[0];
    expect(titled.ok && titled.article.headline).toBe('Only title');
    expect(parseNitf('<nitf><head/><body/></nitf>').items[0]).toMatchObject({ ok: false, code: 'missing-headline' });
    expect(() => parseNitf('<rss/>')).toThrow(/expected <nitf>/);
  });
});
