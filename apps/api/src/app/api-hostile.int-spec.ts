import type { INestApplication } from '@nestjs/common';
import { ArticleRepository, encodeCursor } from '@newswire/archive-data';
import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import fc from 'fast-check';
import type { Connection } from 'mongoose';
import { startApi } from '../bootstrap';

interface Reply {
  status: number;
  type: string;
  text: string;
  body: Record<string, unknown> | undefined;
}

/** Parameters the list endpoint knows, to aim generated keys at real code paths as well as unknown ones. */
const PARAMETERS = ['from', 'to', 'timeField', 'source', 'provider', 'publisher', 'language', 'person', 'organisation', 'place', 'subject', 'cluster', 'status', 'q', 'includeKilled', 'includeWithheld', 'limit', 'cursor', 'by'];

/** Percent-encodes every UTF-8 byte (lone surrogates become U+FFFD, as a browser would send them). */
const percentEncoded = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

describe('query API under hostile input (real store)', () => {
  let app: INestApplication;
  let url: string;
  let db: Connection;
  const published = storyVersion({ uri: 'urn:hostile:1', provider: 'Reuters', headline: 'Sanctions bite in Havana', body: 'Sanctions from Washington bite in Havana as talks stall. '.repeat(3) });
  const withheld = storyVersion({ uri: 'urn:hostile:2', provider: 'Reuters', pubStatus: 'withheld', headline: 'Withheld sanctions story' });

  const get = async (path: string): Promise<Reply> => {
    const res = await fetch(`${url}${path}`);
    const text = await res.text();
    let body: Record<string, unknown> | undefined;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body };
  };
  const expectRefusal = (res: Reply, status: number, parameter?: string) => {
    expect(res.status).toBe(status);
    expect(res.type).toContain('application/json');
    expect(res.body).toMatchObject({ statusCode: status, error: expect.stringMatching(/^[a-z_]+$/), message: expect.any(String) });
    if (parameter) expect(res.body?.['details']).toEqual({ parameters: expect.arrayContaining([expect.objectContaining({ parameter })]) });
    // Nothing from the archive leaks into a refusal.
    expect(res.text).not.toContain('Havana');
  };

  beforeAll(async () => {
    // Development mode (no token: public scope), with limits high enough that the property test is never throttled.
    const env: Record<string, string> = { ...testEnv('api-hostile'), PORT: '0', HOST: '127.0.0.1', API_RATE_LIMIT_PER_MINUTE: '100000', API_RATE_LIMIT_BURST: '10000' };
    db = await connectMongo(env['MONGODB_URI']);
    await new ArticleRepository(db).storeMany([published, withheld]);
    ({ app, url } = await startApi(env));
  });

  afterAll(async () => {
    await app?.close();
    await db?.dropDatabase();
    await db?.close();
  });

  describe('NoSQL operator injection through parameters is an unknown parameter, never a filter', () => {
    it.each([
      ['person[$ne]', 'person[$ne]=x'],
      ['person[$gt]', 'person[$gt]='],
      ['cluster[$regex]', 'cluster[$regex]=.*'],
      ['provider[$exists]', 'provider[$exists]=true'],
      ['$where', '$where=sleep(1000)'],
      ['q[$where]', 'q[$where]=1'],
      ['$or[0][listed]', '$or[0][listed]=false'],
      ['person.$ne', 'person.$ne=x'],
    ])('%s', async (parameter, query) => {
      expectRefusal(await get(`/v1/articles?${query}`), 400, parameter);
    });

    it.each([
      ['an operator object as JSON text', 'person={"$ne":null}'],
      ['a regex as text', 'cluster=.*'],
      ['a $-prefixed value', 'provider=$ne'],
    ])('treats %s as a literal value that matches nothing', async (_name, query) => {
      const res = await get(`/v1/articles?${query}`);
      expect(res.status).toBe(200);
      expect(res.body?.['items']).toEqual([]);
    });
  });

  describe('keyword search takes words, never patterns', () => {
    it('answers a catastrophic-backtracking pattern as the plain words in it', async () => {
      const res = await get(`/v1/articles?q=${encodeURIComponent('(xx+xx+)+yy' + '!'.repeat(150))}`);
      expect(res.status).toBe(200);
      expect(res.body?.['items']).toEqual([]);
    });

    it('matches regex metacharacters literally: "sanctions.*" finds the word sanctions', async () => {
      const res = await get(`/v1/articles?q=${encodeURIComponent('sanctions.*')}`);
      expect(res.status).toBe(200);
      expect((res.body?.['items'] as { id: string }[]).map((i) => i.id)).toEqual([published.article.id]);
    });

    it('refuses a query of punctuation alone, naming q', async () => {
      expectRefusal(await get(`/v1/articles?q=${encodeURIComponent('.*+?^$')}`), 400, 'q');
    });
  });

  describe('sizes, encodings and repetition', () => {
    it('refuses a value over its bound, naming it', async () => {
      expectRefusal(await get(`/v1/articles?person=${'a'.repeat(201)}`), 400, 'person');
      expectRefusal(await get(`/v1/articles?cursor=${'a'.repeat(513)}`), 400, 'cursor');
      expectRefusal(await get(`/v1/articles/${'a'.repeat(513)}`), 400, 'id');
      expectRefusal(await get(`/v1/clusters/${'a'.repeat(513)}`), 400, 'clusterId');
    });

    it('refuses a URL larger than the server reads, without a 5xx', async () => {
      const res = await get(`/v1/articles?person=${'a'.repeat(100_000)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it('takes unicode (accents, scripts, emoji, joiners, the replacement of invalid UTF-8) as plain text', async () => {
      for (const value of ['Miguel D\u00edaz-Canel', 'Miguel Di\u0301az-Canel', '\u0412\u043b\u0430\u0434\u0438\u043c\u0438\u0440', '\u{1F984}', 'a\u200db', '\u202eevil']) {
        const res = await get(`/v1/articles?person=${encodeURIComponent(value)}`);
        expect(res.status).toBe(200);
      }
      expect((await get('/v1/articles?person=%ED%A0%80')).status).toBe(200);
      expect((await get(`/v1/articles?q=${encodeURIComponent('\u{1F984} sanctions')}`)).status).toBe(200);
    });

    it('refuses control characters (NUL included), naming the parameter', async () => {
      expectRefusal(await get('/v1/articles?person=a%00b'), 400, 'person');
      expectRefusal(await get('/v1/articles/a%00b'), 400, 'id');
    });

    it.each([
      ['person', 'person=a&person=b'],
      ['limit', 'limit=1&limit=2'],
      ['q', 'q=sanctions&q=havana'],
    ])('refuses a repeated %s', async (parameter, query) => {
      expectRefusal(await get(`/v1/articles?${query}`), 400, parameter);
    });
  });

  describe('prototype keys', () => {
    it.each([
      ['__proto__', '__proto__=x'],
      ['__proto__[limit]', '__proto__[limit]=1'],
      ['constructor', 'constructor=x'],
      ['constructor[prototype][polluted]', 'constructor[prototype][polluted]=1'],
      ['toString', 'toString=x'],
      ['hasOwnProperty', 'hasOwnProperty=x'],
    ])('%s is an unknown parameter and pollutes nothing', async (parameter, query) => {
      expectRefusal(await get(`/v1/articles?${query}`), 400, parameter);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(({} as Record<string, unknown>)['limit']).toBeUndefined();
    });

    it('answers prototype keys as ids with 404', async () => {
      for (const id of ['__proto__', 'constructor', 'prototype', 'toString']) {
        expectRefusal(await get(`/v1/articles/${id}`), 404);
        expectRefusal(await get(`/v1/clusters/${id}`), 404);
      }
    });
  });

  describe('path traversal in ids', () => {
    it.each([
      '..%2F..%2F..%2Fetc%2Fpasswd',
      '%2e%2e%2f%2e%2e%2fpackage.json',
      '..%5C..%5Cwindows%5Cwin.ini',
      '....%2F%2F....%2F%2Fetc%2Fpasswd',
      '%252e%252e%252fetc%252fpasswd',
    ])('%s is an id that names nothing: 404 JSON', async (id) => {
      for (const base of ['/v1/articles/', '/v1/clusters/']) {
        const res = await get(`${base}${id}`);
        expectRefusal(res, 404);
        expect(res.text).not.toMatch(/root:|"name":\s*"newswire"/);
      }
    });

    it('a dot-segment path resolves to an unknown route: 404 JSON', async () => {
      const res = await get('/v1/articles/../../package.json');
      expectRefusal(res, 404);
      expect(res.body?.['error']).toBe('not_found');
    });

    it('an id that is not valid percent-encoding is a 400, not a 500', async () => {
      const res = await get('/v1/articles/%E0%A4%A');
      expectRefusal(res, 400);
    });
  });

  describe('cursors', () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each([
      ['a time past the largest date', cursorOf([8_640_000_000_000_001, 'x'])],
      ['the largest safe integer', cursorOf([Number.MAX_SAFE_INTEGER, 'x'])],
      ['a huge number', cursorOf([1e300, 'x'])],
      ['an operator as the id', cursorOf([0, { $gt: '' }])],
      ['a nested array', cursorOf([[0], 'x'])],
      ['not base64', '!!!'],
    ])('refuses a cursor with %s, naming cursor', async (_name, cursor) => {
      expectRefusal(await get(`/v1/articles?cursor=${cursor}`), 400, 'cursor');
    });

    it('accepts a cursor at the edge of the date range', async () => {
      const res = await get(`/v1/articles?cursor=${encodeCursor({ storedAt: new Date(8_640_000_000_000_000), id: 'z' })}`);
      expect(res.status).toBe(200);
    });
  });

  describe('properties: no request yields a 5xx, every refusal is JSON', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.integer().map(String),
      fc.double().map(String),
      fc.bigInt().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('true', 'false', 'storedAt', 'firstCreated', 'original', 'duplicate', 'medtop:1', 'en', '', ' ', '%', '%zz', '&', '='),
      fc.tuple(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double(), fc.bigInt().map(Number), fc.constant(1e300)), fc.oneof(fc.string(), fc.constant({ $gt: '' }))).map((t) => Buffer.from(JSON.stringify(t)).toString('base64url')),
      fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
    );
    const key = fc.oneof(
      fc.constantFrom(...PARAMETERS),
      fc.constantFrom(...PARAMETERS).chain((p) => fc.constantFrom(`${p}[$ne]`, `${p}[]`, `${p}[0]`, `${p}.$gt`, `${p}[$regex]`)),
      fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$or'),
      fc.string({ maxLength: 12 }),
    );
    const encode = fc.constantFrom<(s: string) => string>(encodeURIComponent, percentEncoded, (s) => s);
    const safe = (f: (s: string) => string, s: string) => {
      try {
        return f(s);
      } catch {
        return percentEncoded(s); // encodeURIComponent refuses lone surrogates
      }
    };
    const pair = (k: string, v: string, enc: (s: string) => string) => `${safe(enc, k)}=${safe(enc, v)}`;
    const chaotic = fc.array(fc.tuple(key, text, encode), { maxLength: 6 }).map((pairs) => pairs.map(([k, v, enc]) => pair(k, v, enc)));
    // Mostly-valid queries reach the store (one bad parameter stops a query at validation): values that usually pass,
    // with the boundaries of their types (the edges of the Date range, the largest safe integers) among them.
    const nearDateLimits = fc.constantFrom(8_640_000_000_000_000, 8_640_000_000_000_001, -8_640_000_000_000_001, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
    const cursorValue = fc
      .tuple(fc.oneof(fc.integer({ min: 0, max: 2e12 }), nearDateLimits, fc.maxSafeInteger()), fc.string({ maxLength: 30 }))
      .map((t) => Buffer.from(JSON.stringify(t)).toString('base64url'));
    const instant = fc.oneof(
      fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('9999-12-31T23:59:59+14:00', '0000-01-01T00:00:00-12:00', '2024-02-30T00:00:00Z'),
    );
    const word = fc.oneof(fc.constantFrom('sanctions', 'havana', 'bite', 'the'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }));
    const name = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((v) => v.trim().length > 0);
    const plausible = fc
      .record(
        {
          from: instant,
          to: instant,
          timeField: fc.constantFrom('storedAt', 'firstCreated'),
          provider: name,
          person: name,
          cluster: name,
          language: fc.constantFrom('en', 'de', 'pt-BR'),
          subject: fc.constantFrom('medtop:11000000', 'a:b'),
          status: fc.constantFrom('original', 'new-version', 'duplicate', 'stale-version'),
          q: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
          limit: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: -1, max: 1001 }), fc.maxSafeInteger()).map(String),
          cursor: cursorValue,
        },
        { requiredKeys: [] },
      )
      .chain((params) => fc.tuple(fc.constant(Object.entries(params)), fc.constantFrom<(s: string) => string>(encodeURIComponent, percentEncoded)))
      .map(([entries, enc]) => entries.map(([k, v]) => pair(k, v, enc)));
    const queryString = fc.oneof({ arbitrary: plausible, weight: 3 }, { arbitrary: chaotic, weight: 1 }).map((pairs) => pairs.join('&'));

    const assertNo5xx = async (path: string) => {
      const res = await get(path);
      if (res.status >= 500) throw new Error(`${path} -> ${res.status} ${res.text.slice(0, 300)}`);
      if (res.status >= 400 && res.status !== 431 && res.status !== 414) {
        expect(res.body).toMatchObject({ statusCode: res.status, error: expect.stringMatching(/^[a-z_]+$/) });
      }
    };

    it('over arbitrary query strings on the list endpoint', async () => {
      await fc.assert(fc.asyncProperty(queryString, (qs) => assertNo5xx(`/v1/articles?${qs}`)), { numRuns: 300 });
    });

    it('over arbitrary ids (and query strings) on the article and cluster endpoints', async () => {
      const id = fc.oneof(text, fc.constantFrom('..', '.', '%', '%2', '%E0%A4%A', '%00', '%2F', '%5C', '__proto__'));
      const pathOf = fc.tuple(fc.constantFrom('/v1/articles/', '/v1/clusters/'), id, encode, fc.option(queryString));
      await fc.assert(
        fc.asyncProperty(pathOf, async ([base, raw, enc, qs]) => {
          const segment = safe(enc, raw);
          if (segment === '' || segment === '.' || segment === '..') return; // not an id: the URL resolves elsewhere
          await assertNo5xx(`${base}${segment}${qs ? `?${qs}` : ''}`);
        }),
        { numRuns: 300 },
      );
    });
  });
});
