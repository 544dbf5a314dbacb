import * as iconv from 'iconv-lite';
import type { ArticleDraft, ItemOutcome } from '../common/types';
import { InvalidJsonError, parseSubmission } from './submission';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const article = (item: ItemOutcome | undefined): ArticleDraft => {
  if (!item?.ok) throw new Error(`rejected: ${item && !item.ok ? item.reason : 'no item'}`);
  return item.article;
};
const canonicalJson = '{"uri":"urn:x:1","headline":"Рынки растут","bodyText":"Акции выросли в понедельник."}';

describe('parseSubmission decodes every body before reading it', () => {
  it('accepts UTF-8 JSON with a BOM, canonical and ninjs', () => {
    const canonical = parseSubmission({ body: Buffer.concat([BOM, Buffer.from(canonicalJson)]), contentType: 'application/json' });
    expect(canonical.format).toBe('json');
    expect(article(canonical.items[0]).headline).toBe('Рынки растут');
    const ninjs = parseSubmission({ body: Buffer.concat([BOM, Buffer.from('{"uri":"u","headline":"H","body_text":"B"}')]), contentType: 'application/json' });
    expect(article(ninjs.items[0]).headline).toBe('H');
  });

  it.each(['utf-16le', 'utf-16be'])('honours charset=%s for JSON, plain text and XML', (charset) => {
    const json = parseSubmission({ body: iconv.encode(canonicalJson, charset), contentType: `application/json; charset=${charset}` });
    expect(article(json.items[0]).bodyText).toBe('Акции выросли в понедельник.');
    const text = parseSubmission({ body: iconv.encode('Рынки растут\n\nАкции выросли в понедельник.', charset), contentType: `text/plain; charset=${charset}` });
    expect(article(text.items[0])).toMatchObject({ headline: 'Рынки растут', bodyText: 'Акции выросли в понедельник.' });
    const rss = `<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><item><title>Рынки растут</title><description>Акции выросли.</description></item></channel></rss>`;
    expect(article(parseSubmission({ body: iconv.encode(rss, charset), contentType: `application/rss+xml; charset=${charset}` }).items[0]).headline).toBe('Рынки растут');
  });

  it('honours a UTF-16 BOM whatever the charset says', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(canonicalJson, 'utf-16le')]);
    expect(article(parseSubmission({ body, contentType: 'application/json; charset=utf-8' }).items[0]).headline).toBe('Рынки растут');
  });

  it('refuses JSON nested deeper than the limit as too large, without overflowing the stack', () => {
    for (const [body, type] of [
      ['['.repeat(100_000) + ']'.repeat(100_000), 'application/json'],
      [`{"headline":"x","bodyText":"y","extra":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, 'application/json'],
      [`{"uri":"u","headline":"x","by":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'application/ninjs+json'],
    ]) {
      expect(parseSubmission({ body, contentType: type }).items).toEqual([expect.objectContaining({ ok: false, code: 'too-large' })]);
    }
  });

  it('reports JSON that does not parse as invalid JSON', () => {
    expect(() => parseSubmission({ body: '{"headline": ', contentType: 'application/json' })).toThrow(InvalidJsonError);
  });

  it('reads __proto__ and constructor.prototype as plain keys: nothing is polluted', () => {
    const body = '{"headline":"H","bodyText":"B","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}';
    const draft = article(parseSubmission({ body, contentType: 'application/json' }).items[0]);
    expect(draft.headline).toBe('H');
    const ninjs = '[{"uri":"u","headline":"H","body_text":"B","__proto__":{"polluted":"yes"},"subjects":[{"__proto__":{"polluted":"yes"},"name":"n"}]}]';
    expect(article(parseSubmission({ body: ninjs, contentType: 'application/json' }).items[0]).headline).toBe('H');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});

describe('parseSubmission on the platform JSON\'s dates', () => {
  const submit = (fields: Record<string, string>) => parseSubmission({ body: JSON.stringify({ uri: 'urn:x:1', headline: 'H', bodyText: 'B', ...fields }), contentType: 'application/json' }).items[0];

  it('refuses a story time outside the years every format reader accepts, saying which field', () => {
    for (const field of ['versionCreated', 'firstCreated', 'embargoed']) {
      const outcome = submit({ [field]: '9999-12-31T23:59:59Z' });
      expect(outcome).toMatchObject({ ok: false, code: 'malformed', reason: expect.stringContaining(field) });
      expect(outcome.ok ? '' : outcome.reason).toMatch(/1900 and 2200/);
    }
    expect(submit({ versionCreated: '1899-12-31T23:59:59Z' }).ok).toBe(false);
  });

  it('accepts the years in between, with any offset', () => {
    expect(article(submit({ versionCreated: '2200-01-01T00:00:00+02:00', firstCreated: '1900-01-01T12:00:00Z' })).versionCreated).toBe('2200-01-01T00:00:00+02:00');
  });
});
