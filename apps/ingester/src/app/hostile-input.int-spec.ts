import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { brotliCompressSync, createGzip, gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import * as iconv from 'iconv-lite';
import { type CanonicalArticle, physicalTopic, TOPICS } from '@newswire/contracts';
import { testEnv, TopicProbe } from '@newswire/testing';
import { unsafeFields, unstorableKeys } from '../../../../libs/wire-formats/src/testing/unsafe-fields';
import { startIngester } from '../bootstrap';

/**
 * The ingester against hostile input, over real HTTP with real Kafka behind
 * it. Every refusal is a JSON 4xx with a stable code; everything accepted is
 * checked on the topic, as published, for sanitised content.
 */

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_ITEMS = 50;
const fixtures = join(__dirname, '../../../../libs/wire-formats/src/fixtures');
const fixture = (path: string) => readFileSync(join(fixtures, path));

interface Answer {
  status: number;
  json: { error?: string; message?: string; details?: Record<string, unknown>; id?: string; uri?: string; items?: { status: string; id?: string }[] };
}

describe('ingester under hostile input', () => {
  let app: INestApplication;
  let url: string;
  let probe: TopicProbe;
  let rawTopic: string;
  /** Stands in for an attacker's server: an external entity or DTD must never be fetched from it. */
  let lure: Server;
  let lureUrl: string;
  let lureHits = 0;
  const acceptedIds = new Set<string>();

  beforeAll(async () => {
    const env: Record<string, string> = {
      ...testEnv('hostile'),
      PORT: '0',
      MAX_BODY_BYTES: String(MAX_BODY_BYTES),
      MAX_ITEMS_PER_DOCUMENT: String(MAX_ITEMS),
      // One partition: "nothing else was published" can be read from arrival order.
      KAFKA_TOPIC_PARTITIONS: '1',
    };
    ({ app, url } = await startIngester(env));
    rawTopic = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [rawTopic], `${env['KAFKA_TOPIC_NAMESPACE']}-probe`).start();
    lure = createServer((_req, res) => {
      lureHits++;
      res.end('<!ENTITY exfil "stolen">');
    });
    await new Promise<void>((resolve) => lure.listen(0, '127.0.0.1', resolve));
    lureUrl = `http://127.0.0.1:${(lure.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await probe?.stop();
    await app?.close();
    await new Promise((resolve) => lure?.close(resolve));
  });

  async function post(body: Buffer | string, headers: Record<string, string>): Promise<Answer> {
    // Bytes, not a string: fetch would otherwise add its own text/plain content type.
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : new Uint8Array(body);
    const res = await fetch(`${url}/v1/articles`, { method: 'POST', body: bytes, headers });
    expect(res.headers.get('content-type')).toContain('application/json');
    const answer = { status: res.status, json: (await res.json()) as Answer['json'] };
    for (const item of answer.json.items ?? []) if (item.status === 'accepted' && item.id) acceptedIds.add(item.id);
    return answer;
  }

  /** The article as it was published on the received topic. */
  async function published(id: string): Promise<CanonicalArticle> {
    await probe.waitFor((ms) => ms.some((m) => (m.value as { id?: string }).id === id), 30_000, `article ${id} on the topic`);
    return probe.on(rawTopic).find((m) => (m.value as { id?: string }).id === id)?.value as CanonicalArticle;
  }

  async function acceptedArticle(body: Buffer | string, headers: Record<string, string>): Promise<CanonicalArticle> {
    const answer = await post(body, headers);
    expect(answer).toMatchObject({ status: 202 });
    const article = await published(answer.json.id as string);
    expect(article.uri).toBe(answer.json.uri);
    expect(unsafeFields(article)).toEqual([]);
    return article;
  }

  const deepXml = '<rss>'.repeat(60_000) + '</rss>'.repeat(60_000);
  const deepJson = '['.repeat(200_000) + ']'.repeat(200_000);
  const rssItems = (n: number) =>
    `<rss version="2.0"><channel><title>T</title>${Array.from({ length: n }, (_, i) => `<item><guid>urn:cap:${i}</guid><title>Story ${i}</title><description>Body ${i}.</description></item>`).join('')}</channel></rss>`;

  describe('refusals: a JSON 4xx with a stable code, and nothing published', () => {
    it.each<[string, () => Buffer | string, Record<string, string>, number, string]>([
      ['billion laughs', () => fixture('malicious/billion-laughs.xml'), { 'content-type': 'application/xml' }, 422, 'unsafe'],
      ['quadratic blow-up', () => fixture('malicious/quadratic-blowup.xml'), { 'content-type': 'application/atom+xml' }, 422, 'unsafe'],
      ['an external entity (file://)', () => fixture('malicious/external-system.xml'), { 'content-type': 'application/nitf+xml' }, 422, 'unsafe'],
      ['an external parameter entity (http://)', () => fixture('malicious/external-url.xml'), { 'content-type': 'application/xml' }, 422, 'unsafe'],
      ['a DTD subset declaring only elements', () => '<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss><channel><item><title>T</title><description>D</description></item></channel></rss>', { 'content-type': 'application/rss+xml' }, 422, 'unsafe'],
      ['an entity declared outside a DOCTYPE', () => '<rss><!ENTITY a "b"><channel><item><title>T</title></item></channel></rss>', { 'content-type': 'application/rss+xml' }, 422, 'unsafe'],
      ['XML nested 60,000 deep', () => deepXml, { 'content-type': 'application/rss+xml' }, 422, 'too_large'],
      ['canonical JSON nested 200,000 deep', () => deepJson, { 'content-type': 'application/json' }, 422, 'too_large'],
      ['ninjs nested 200,000 deep', () => `{"uri":"u","headline":"H","by":${deepJson}}`, { 'content-type': 'application/ninjs+json' }, 422, 'too_large'],
      ['a huge attribute on an unknown root', () => `<root a="${'x'.repeat(900_000)}"/>`, { 'content-type': 'application/xml' }, 422, 'unsupported_format'],
      // A picture's bytes include SOH and STX: it used to pass for an IPTC 7901 message headed "ÿØÿà".
      ['a JPEG sent as text/plain', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02, 0x03, 0x04]), Buffer.from('Markets rally')]), { 'content-type': 'text/plain' }, 422, 'unsupported_format'],
      ['a raw NUL inside a JSON string', () => Buffer.from('{"headline":"a\u0000b","bodyText":"x"}'), { 'content-type': 'application/json' }, 400, 'invalid_json'],
      ['an unknown Content-Encoding', () => gzipSync('Markets rally\n\nStocks rose.'), { 'content-type': 'text/plain', 'content-encoding': 'zstd' }, 415, 'unsupported_content_encoding'],
      ['three content codings', () => gzipSync(gzipSync(gzipSync('Markets rally\n\nStocks rose.'))), { 'content-type': 'text/plain', 'content-encoding': 'gzip, gzip, gzip' }, 415, 'unsupported_content_encoding'],
      ['corrupt gzip', () => Buffer.from('this is not gzip'), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, 400, 'invalid_content_encoding'],
      ['truncated gzip', () => gzipSync('Markets rally\n\nStocks rose on Monday.'.repeat(20)).subarray(0, 30), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, 400, 'invalid_content_encoding'],
      ['a body whose gzip inflates past the limit', () => gzipSync(Buffer.alloc(MAX_BODY_BYTES + 1, 'a')), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, 413, 'payload_too_large'],
      ['a headline that is only markup', () => '{"headline":"<script>alert(1)</script>","bodyText":"Body"}', { 'content-type': 'application/json' }, 422, 'missing_headline'],
    ])('%s', async (_case, body, headers, status, code) => {
      const { status: got, json } = await post(body(), headers);
      expect({ status: got, error: json.error }).toEqual({ status, error: code });
      expect(json.message?.length).toBeGreaterThan(5);
    });

    it('never fetches an external entity or DTD: a SYSTEM entity is refused, an external DTD reference is ignored', async () => {
      const entity = await post(`<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "${lureUrl}/x">]><rss version="2.0"><channel><item><title>&x;</title><description>D</description></item></channel></rss>`, {
        'content-type': 'application/rss+xml',
      });
      expect([entity.status, entity.json.error]).toEqual([422, 'unsafe']);
      const parameter = await post(`<!DOCTYPE rss [<!ENTITY % p SYSTEM "${lureUrl}/p.dtd"> %p;]><rss version="2.0"><channel><item><title>T</title><description>D</description></item></channel></rss>`, {
        'content-type': 'application/rss+xml',
      });
      expect([parameter.status, parameter.json.error]).toEqual([422, 'unsafe']);
      const article = await acceptedArticle(
        `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "${lureUrl}/rss.dtd"><rss version="2.0"><channel><item><guid>urn:hostile:dtd</guid><title>Markets rally</title><description>Stocks rose.</description></item></channel></rss>`,
        { 'content-type': 'application/rss+xml' },
      );
      expect(article.headline).toBe('Markets rally');
      expect(lureHits).toBe(0);
    });

    it('refuses a gzip bomb (100 MB of zeros, about 100 KB on the wire) with 413 naming the limit, and stays up', async () => {
      const zeros = Buffer.alloc(1024 * 1024);
      const chunks: Buffer[] = [];
      const source = Readable.from((function* () {
        for (let i = 0; i < 100; i++) yield zeros;
      })());
      for await (const chunk of source.pipe(createGzip())) chunks.push(chunk as Buffer);
      const bomb = Buffer.concat(chunks);
      expect(bomb.length).toBeLessThan(MAX_BODY_BYTES);
      const started = performance.now();
      const { status, json } = await post(bomb, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      expect({ status, error: json.error, details: json.details }).toEqual({
        status: 413,
        error: 'payload_too_large',
        details: { maxBytes: MAX_BODY_BYTES, contentEncoding: 'gzip' },
      });
      expect(json.message).toContain(String(MAX_BODY_BYTES));
      // Inflating all 100 MB takes far longer than stopping after the first megabyte.
      expect(performance.now() - started).toBeLessThan(5000);
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    });

    it.each<[string, string, string]>([
      ['RSS', 'application/rss+xml', rssItems(MAX_ITEMS + 1)],
      ['ninjs', 'application/ninjs+json', JSON.stringify(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => ({ uri: `urn:cap:${i}`, headline: `S${i}`, body_text: 'B' })))],
      ['canonical JSON', 'application/json', JSON.stringify(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => ({ uri: `urn:cap:${i}`, headline: `S${i}`, bodyText: 'B' })))],
    ])('refuses a %s document with too many items whole: 413 too_many_items with the count and the limit', async (_format, type, body) => {
      const { status, json } = await post(body, { 'content-type': type });
      expect({ status, error: json.error }).toEqual({ status: 413, error: 'too_many_items' });
      expect(json.details).toMatchObject({ count: MAX_ITEMS + 1, limit: MAX_ITEMS });
    });
  });

  describe('accepted input is published sanitised', () => {
    it.each([
      ['canonical.json', 'application/json', 'Markets rally'],
      ['ninjs.json', 'application/ninjs+json', 'Floods hit Porto'],
      ['nitf.xml', 'application/nitf+xml', 'Floods hit Porto'],
      ['newsml-g2.xml', 'application/vnd.iptc.g2.newsitem+xml', 'Floods hit Porto'],
      ['rss.xml', 'application/rss+xml', 'Markets rally'],
      ['atom.xml', 'application/atom+xml', 'Markets rally'],
      ['plain.txt', 'text/plain', 'Markets rally'],
    ])('<script>, javascript: and onerror= in every field of hostile/%s', async (name, type, headline) => {
      const article = await acceptedArticle(fixture(`hostile/${name}`), { 'content-type': type });
      expect(article.headline).toBe(headline);
      expect(JSON.stringify({ ...article, raw: undefined })).not.toMatch(/<script|onerror=|onclick=|javascript:alert/i);
    });

    it('keeps no $-prefixed or dotted key and pollutes no prototype (__proto__, constructor.prototype)', async () => {
      const body = JSON.stringify({ headline: 'Keys', bodyText: 'Body', $where: '1', 'a.b': 1, subjects: [{ $gt: '', 'x.y': 1, name: 'Economy' }] }).replace(
        '"headline"',
        '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"headline"',
      );
      const article = await acceptedArticle(body, { 'content-type': 'application/json' });
      expect(unstorableKeys(article)).toEqual([]);
      expect(article.subjects).toEqual([{ name: 'Economy' }]);
      const ninjs = await acceptedArticle('{"uri":"urn:hostile:keys","headline":"H","body_text":"B","$where":"1","__proto__":{"polluted":"yes"},"renditions":{"$evil":{"href":"https://x.example/a.jpg"}}}', {
        'content-type': 'application/ninjs+json',
      });
      expect(unstorableKeys(ninjs)).toEqual([]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('answers with the uri that is stored: NUL and other controls are removed from it first', async () => {
      const answer = await post(JSON.stringify({ uri: 'urn:hostile:\u0000nul\u001f:1', headline: 'Mar\u0000kets rally', bodyText: 'Stocks\u0000 rose.', keywords: ['a\u0000b'] }), {
        'content-type': 'application/json',
      });
      expect(answer.status).toBe(202);
      expect(answer.json.uri).toBe('urn:hostile:nul:1');
      const article = await published(answer.json.id as string);
      expect(article).toMatchObject({ uri: 'urn:hostile:nul:1', headline: 'Markets rally', bodyText: 'Stocks rose.', keywords: ['ab'] });
      expect(probe.on(rawTopic).find((m) => (m.value as { id: string }).id === answer.json.id)?.key).toBe('urn:hostile:nul:1');
    });

    it.each<[string, Buffer, string]>([
      ['plain text', Buffer.from('Mar\u0000kets rally\n\nStocks\u0000 rose\u0007 on Monday.\u001b'), 'text/plain'],
      ['RSS', Buffer.from('<rss version="2.0"><channel><item><guid>urn:\u0000nul:rss</guid><title>Mar\u0000kets rally</title><description>Stocks\u0000 rose.</description></item></channel></rss>'), 'application/rss+xml'],
      ['ninjs', Buffer.from('{"uri":"urn:\\u0000nul:ninjs","headline":"Mar\\u0000kets rally","body_text":"Stocks\\u0000 rose."}'), 'application/ninjs+json'],
    ])('NUL bytes in %s are removed from every field', async (_format, body, type) => {
      const article = await acceptedArticle(body, { 'content-type': type });
      expect(article.headline).toBe('Markets rally');
    });

    it('reads invalid and overlong UTF-8 without letting a NUL or control character through', async () => {
      const invalid = Buffer.concat([Buffer.from('Markets '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from(' rally\n\nStocks rose on Monday.')]);
      expect((await acceptedArticle(invalid, { 'content-type': 'text/plain; charset=utf-8' })).headline).toMatch(/^Markets .* rally$/);
      // C0 80 is an overlong NUL, C0 AF an overlong '/': neither may decode to what it imitates.
      const overlong = Buffer.concat([Buffer.from('{"uri":"urn:overlong:'), Buffer.from([0xc0, 0x80, 0xc0, 0xaf, 0xe0, 0x80, 0xaf]), Buffer.from('x","headline":"Markets rally","bodyText":"Stocks rose."}')]);
      const article = await acceptedArticle(overlong, { 'content-type': 'application/json' });
      expect(article.uri).not.toContain('\u0000');
      expect(article.uri).not.toContain('/');
    });

    it.each<[string, Buffer, string]>([
      ['UTF-16LE text without a BOM', iconv.encode('Markets rally\n\nStocks rose on Monday.', 'utf-16le'), 'text/plain'],
      ['UTF-16BE JSON without a BOM', iconv.encode('{"headline":"Markets rally","bodyText":"Stocks rose."}', 'utf-16be'), 'application/json'],
      ['text declared charset=utf-16le', iconv.encode('Рынки растут\n\nАкции выросли.', 'utf-16le'), 'text/plain; charset=utf-16le'],
      ['JSON declared charset=utf-16be', iconv.encode('{"headline":"Рынки растут","bodyText":"Акции выросли."}', 'utf-16be'), 'application/json; charset=utf-16be'],
      ['XML declared charset=utf-16le', iconv.encode('<rss version="2.0"><channel><item><title>Рынки растут</title><description>Акции выросли.</description></item></channel></rss>', 'utf-16le'), 'application/rss+xml; charset=utf-16le'],
      ['JSON with a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"headline":"Markets rally","bodyText":"Stocks rose."}')]), 'application/json'],
      ['text with a UTF-16 BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('Markets rally\n\nStocks rose.', 'utf-16be')]), 'text/plain'],
    ])('decodes %s', async (_case, body, type) => {
      const article = await acceptedArticle(body, { 'content-type': type });
      expect(['Markets rally', 'Рынки растут']).toContain(article.headline);
    });

    it.each<[string, Buffer]>([
      ['gzip', gzipSync('Markets rally\n\nStocks rose on Monday.')],
      ['x-gzip', gzipSync('Markets rally\n\nStocks rose on Monday.')],
      ['br', brotliCompressSync('Markets rally\n\nStocks rose on Monday.')],
      ['gzip, br', brotliCompressSync(gzipSync('Markets rally\n\nStocks rose on Monday.'))],
    ])('inflates a body sent with Content-Encoding: %s', async (coding, body) => {
      const article = await acceptedArticle(body, { 'content-type': 'text/plain', 'content-encoding': coding });
      expect(article).toMatchObject({ headline: 'Markets rally', bodyText: 'Stocks rose on Monday.' });
    });

    it('reads "headline, blank line, paragraph" plain text as a story', async () => {
      const article = await acceptedArticle('Markets rally\n\nStocks rose on Monday.', { 'content-type': 'text/plain' });
      expect(article).toMatchObject({ headline: 'Markets rally', bodyText: 'Stocks rose on Monday.' });
    });

    it('accepts a huge single text node and a huge attribute in time', async () => {
      const started = performance.now();
      const text = 'word '.repeat(40_000);
      const article = await acceptedArticle(
        `<rss version="2.0"><channel><item><guid>urn:hostile:huge</guid><title>Huge</title><description>${text}</description><enclosure url="https://x.example/${'a'.repeat(100_000)}" type="image/jpeg"/></item></channel></rss>`,
        { 'content-type': 'application/rss+xml' },
      );
      expect(article.bodyText).toBe(text.trim());
      expect(article.renditions[0].href).toHaveLength('https://x.example/'.length + 100_000);
      expect(performance.now() - started).toBeLessThan(10_000);
    });

    it('accepts a document with exactly the item cap', async () => {
      const { status, json } = await post(rssItems(MAX_ITEMS), { 'content-type': 'application/rss+xml' });
      expect(status).toBe(202);
      expect(json.items).toHaveLength(MAX_ITEMS);
    });
  });

  describe('after all of the above', () => {
    it('published nothing but what it accepted', async () => {
      const sentinel = await post('{"uri":"urn:hostile:sentinel","headline":"Sentinel","bodyText":"Last one."}', { 'content-type': 'application/json' });
      // One partition: once the sentinel is seen, everything published before it has been seen too.
      await published(sentinel.json.id as string);
      const ids = probe.on(rawTopic).map((m) => (m.value as { id: string }).id);
      expect(ids.filter((id) => !acceptedIds.has(id))).toEqual([]);
      expect(ids.length).toBe(acceptedIds.size);
    });
  });
});
