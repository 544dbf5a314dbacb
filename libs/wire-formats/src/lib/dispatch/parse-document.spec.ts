import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from './parse-document';

const fixtures = join(__dirname, '../../fixtures');
const read = (path: string) => readFileSync(join(fixtures, path));

describe('parseDocument', () => {
  it.each([
    ['ninjs/v1-text.json', 'application/ninjs+json', 'ninjs'],
    ['ninjs/v3-data.json', 'application/json; charset=utf-8', 'ninjs'],
    ['newsml-g2/news-message.xml', 'application/vnd.iptc.g2.newsitem+xml', 'newsml-g2'],
    ['newsml-g2/picture.xml', 'text/xml', 'newsml-g2'],
    ['nitf/story.xml', 'application/nitf+xml', 'nitf'],
    ['email/stringer.eml', 'message/rfc822', 'email'],
    ['email/stringer.eml', 'text/plain', 'email'],
    ['email/stringer.eml', undefined, 'email'],
    ['nitf/story.xml', 'application/xml', 'nitf'],
    ['rss/feed.rss', 'application/rss+xml', 'rss'],
    ['rss/rdf.rss', undefined, 'rss'],
    ['atom/feed.atom', 'application/atom+xml', 'atom'],
    ['atom/feed.atom', 'application/xml', 'atom'],
    ['daily-impact-european-2024-11-24.txt', 'text/plain', 'plaintext'],
    ['daily-impact-european-2024-11-24.txt', undefined, 'plaintext'],
  ])('parses %s sent as %s as %s', (path, contentType, format) => {
    const outcome = parseDocument({ body: read(path), contentType });
    expect(outcome.format).toBe(format);
    expect(outcome.items.some((i) => i.ok)).toBe(true);
  });

  it('rejects unknown things with unsupported-format, as a single rejected item', () => {
    expect(parseDocument({ body: '<html><body>hi</body></html>', contentType: 'text/html' }).items).toEqual([
      expect.objectContaining({ ok: false, index: 0, code: 'unsupported-format' }),
    ]);
    expect(parseDocument({ body: '<svg/>' }).items[0]).toMatchObject({ ok: false, code: 'unsupported-format' });
    expect(parseDocument({ body: '{"foo": 1}', contentType: 'application/json' })).toMatchObject({ format: 'ninjs', items: [{ ok: false, code: 'unsupported-format' }] });
  });

  it('rejects empty, malformed and oversized documents with a reason', () => {
    expect(parseDocument({ body: '' }).items[0]).toMatchObject({ ok: false, code: 'empty' });
    expect(parseDocument({ body: '<rss><channel><item', contentType: 'application/rss+xml' }).items[0]).toMatchObject({ ok: false, code: 'malformed' });
    expect(parseDocument({ body: '{"uri": ', contentType: 'application/json' }).items[0]).toMatchObject({ ok: false, code: 'malformed' });
    expect(parseDocument({ body: 'x'.repeat(2000) }, { limits: { maxBytes: 1000 } }).items[0]).toMatchObject({ ok: false, code: 'too-large' });
  });

  it.each(readdirSync(join(fixtures, 'malicious')))('refuses malicious/%s as unsafe or too large, quickly', (name) => {
    for (const contentType of [undefined, 'application/xml', 'application/rss+xml', 'application/nitf+xml']) {
      const started = performance.now();
      const outcome = parseDocument({ body: read(`malicious/${name}`), contentType });
      expect(performance.now() - started).toBeLessThan(250);
      expect(outcome.items).toHaveLength(1);
      expect(['unsafe', 'too-large']).toContain(outcome.items[0].ok ? 'parsed' : outcome.items[0].code);
    }
  });
});
