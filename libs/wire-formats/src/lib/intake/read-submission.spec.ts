import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSubmission, SubmissionRefusal } from './read-submission';

const rss = (items: string) => Buffer.from(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items}</channel></rss>`);
const item = (guid: string, lang = '') => `<item><guid>${guid}</guid><title>Headline ${guid}</title><description>Body text of ${guid}, long enough to read.</description>${lang}</item>`;
const options = { maxItems: 10, articleBytes: 512 * 1024, receivedAt: new Date('2026-01-01T00:00:00Z') };

describe('readSubmission (the intake path shared by push and pull)', () => {
  it('refuses a picture by its bytes, before any decoding could turn its header into replacement characters', () => {
    for (const bytes of [[0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]]) {
      const out = readSubmission(Buffer.from(bytes), 'text/plain', options);
      expect(out.items).toEqual([expect.objectContaining({ status: 'rejected', code: 'unsupported_format', reason: expect.stringMatching(/binary content \(a (JPEG|PNG) image\)/) })]);
    }
  });

  it('attributes every item to the registered source, with its provider and default language', () => {
    const out = readSubmission(rss(item('urn:a:1') + item('urn:a:2')), 'application/rss+xml', { ...options, attribution: { sourceId: 'acme', provider: 'ACME', language: 'de' } });
    expect(out.format).toBe('rss');
    expect(out.items.map((i) => i.status === 'accepted' && [i.article.source.id, i.article.provider, i.article.language, i.article.uri])).toEqual([
      ['acme', 'ACME', 'de', 'urn:a:1'],
      ['acme', 'ACME', 'de', 'urn:a:2'],
    ]);
  });

  it('gives items the ids the caller derives (a drop folder re-reading a file), and a uri-less story the same uri each time', () => {
    const read = () => readSubmission(Buffer.from('Harbour reopens\n\nThe harbour reopened on Tuesday after the storm, officials said.'), 'text/plain', { ...options, articleId: (i) => `drop-${i}` });
    const [first, again] = [read().items[0], read().items[0]];
    expect(first).toMatchObject({ status: 'accepted', article: { id: 'drop-0', uri: 'urn:newswire:article:drop-0' } });
    expect(again).toEqual(first);
  });

  it('carries an agency transmission sequence number to the article (source.sequence), never one a JSON sender names', () => {
    const anpa = readFileSync(join(__dirname, '../../fixtures/anpa-1312/story.tst'));
    const [wire] = readSubmission(anpa, 'application/x-anpa-1312', options).items;
    expect(wire.status === 'accepted' && wire.article.source.sequence).toEqual({ series: 'a', number: 412, wrapsAfter: 9999 });
    const json = Buffer.from(JSON.stringify({ headline: 'H', bodyText: 'Body text.', sequence: { series: 'x', number: 1, wrapsAfter: 9 } }));
    const [sent] = readSubmission(json, 'application/json', options).items;
    expect(sent.status === 'accepted' && sent.article.source).not.toHaveProperty('sequence');
  });

  it('refuses a document it cannot read as a whole, with a stable code', () => {
    const refusal = (body: string, type: string | undefined, max = 10) => {
      try {
        readSubmission(Buffer.from(body), type, { ...options, maxItems: max });
      } catch (err) {
        return err instanceof SubmissionRefusal ? err.code : String(err);
      }
      return 'accepted';
    };
    expect(refusal('x', undefined)).toBe('missing_content_type');
    expect(refusal('x', 'image/png')).toBe('unsupported_media_type');
    expect(refusal('  ', 'text/plain')).toBe('empty_body');
    expect(refusal('{', 'application/json')).toBe('invalid_json');
    expect(refusal(rss(item('a') + item('b')).toString(), 'application/rss+xml', 1)).toBe('too_many_items');
  });
});
