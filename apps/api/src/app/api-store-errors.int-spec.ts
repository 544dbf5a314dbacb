import type { INestApplication } from '@nestjs/common';
import { ArticleRepository } from '@newswire/archive-data';
import { connectMongo, withDatabase } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Connection } from 'mongoose';
import { startApi } from '../bootstrap';

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown>;
}

async function get(url: string): Promise<Reply> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Record<string, unknown> };
}

/** What a 503 body must never contain: addresses, ports, URIs, driver wording. */
const internals = (port: number) => new RegExp(`127\\.0\\.0\\.1|localhost|:${port}\\b|${port}|mongodb|Mongo|ECONN|buffering|Executor|maxTimeMS|exceeded time limit`, 'i');

describe('query API when the store is slow or gone (real store)', () => {
  describe('a query past API_QUERY_MAX_TIME_MS', () => {
    let db: Connection;
    let tight: { app: INestApplication; url: string };
    const STORIES = 1000;

    beforeAll(async () => {
      const env: Record<string, string> = { ...testEnv('api-timeout'), PORT: '0', HOST: '127.0.0.1' };
      db = await connectMongo(env['MONGODB_URI']);
      // One real stored story, copied: an archive big enough that a list must scan and sort thousands of documents.
      // No indexes on purpose (the API never creates them), so MongoDB scans as FerretDB always does.
      await new ArticleRepository(db).store(storyVersion({ uri: 'urn:timeout:0', headline: 'A story among thousands' }));
      const articles = db.collection('articles');
      const template = (await articles.findOne({}))!;
      for (let i = 1; i < STORIES; i += 500) {
        await articles.insertMany(
          Array.from({ length: Math.min(500, STORIES - i) }, (_, j) => ({ ...template, _id: `timeout|urn:${i + j}` as never, storedAt: new Date(Date.UTC(2025, 0, 1) + (i + j) * 1000) })),
        );
      }
      // 1 ms: no store scans and sorts 1000 stored stories in that time, so this is deterministic without any sleep.
      tight = await startApi({ ...env, API_QUERY_MAX_TIME_MS: '1' });
    });

    afterAll(async () => {
      await tight?.app.close();
      await db?.dropDatabase();
      await db?.close();
    });

    it('answers 503 query_timeout with Retry-After and a message that names nothing internal', async () => {
      for (const path of ['/v1/articles', '/v1/articles?person=nobody', `/v1/clusters/none`]) {
        const res = await get(`${tight.url}${path}`);
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ statusCode: 503, error: 'query_timeout', message: expect.any(String) });
        expect(res.headers.get('retry-after')).toBe('5');
        expect(res.text).not.toMatch(internals(27017));
      }
    });

    it('stays ready: a slow query is not a store outage', async () => {
      expect((await get(`${tight.url}/health/ready`)).status).toBe(200);
    });
  });

  describe('a store that stops answering', () => {
    let proxy: Server;
    let proxyPort: number;
    const sockets = new Set<Socket>();
    let api: { app: INestApplication; url: string };
    let db: Connection;

    beforeAll(async () => {
      const env: Record<string, string> = { ...testEnv('api-outage'), PORT: '0', HOST: '127.0.0.1' };
      const store = new URL(env['MONGODB_URI']);
      // A TCP relay in front of the real store: closing it is a real network failure, as the API's driver sees one.
      proxy = createServer((client) => {
        const upstream = connect(Number(store.port || 27017), store.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => sockets.delete(s));
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      proxyPort = (proxy.address() as { port: number }).port;
      db = await connectMongo(env['MONGODB_URI']);
      await new ArticleRepository(db).store(storyVersion({ uri: 'urn:outage:1' }));
      const viaProxy = withDatabase(`mongodb://127.0.0.1:${proxyPort}/?directConnection=true`, store.pathname.slice(1));
      api = await startApi({ ...env, MONGODB_URI: viaProxy });
    });

    afterAll(async () => {
      await api?.app.close();
      proxy?.close();
      await db?.dropDatabase();
      await db?.close();
    });

    it('answers 503 store_unavailable and readiness 503, naming no address, port or driver error', async () => {
      expect((await get(`${api.url}/v1/articles`)).status).toBe(200);
      expect((await get(`${api.url}/health/ready`)).status).toBe(200);
      await new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      const [list, ready] = await Promise.all([get(`${api.url}/v1/articles`), get(`${api.url}/health/ready`)]);
      expect(list.status).toBe(503);
      expect(list.body).toEqual({ statusCode: 503, error: 'store_unavailable', message: expect.any(String) });
      expect(list.headers.get('retry-after')).toBe('5');
      expect(list.text).not.toMatch(internals(proxyPort));
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'error', info: {}, error: { store: { status: 'down' } }, details: { store: { status: 'down' } } });
      expect(ready.text).not.toMatch(internals(proxyPort));
    });
  });
});
