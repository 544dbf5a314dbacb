import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connection } from 'mongoose';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { askUntil, freePort, testEnv, TopicProbe } from '@newswire/testing';
import { readSubmission } from '@newswire/wire-formats';
import { startPoller, type StartedPoller } from '../bootstrap';
import { FeedServer } from '../testing/feed-server';
import type { PollStateDoc } from './poll-state';

const fixtures = resolve(__dirname, '../../../../libs/wire-formats/src/fixtures');
const fixture = (path: string) => readFileSync(join(fixtures, path));

/** A feed answered with its ETag (or Last-Modified), and 304 when the poller already has it. */
function conditionalFeed(current: () => { body: Buffer; tag: string }, contentType: string, by: 'etag' | 'last-modified') {
  return (req: IncomingMessage, res: ServerResponse) => {
    const { body, tag } = current();
    const validator = by === 'etag' ? `"${tag}"` : new Date(Date.UTC(2026, 0, 1, 0, 0, Number(tag.replace(/\D/g, '') || 0))).toUTCString();
    const asked = by === 'etag' ? req.headers['if-none-match'] : req.headers['if-modified-since'];
    if (asked === validator) return void res.writeHead(304, { [by]: validator }).end();
    res.writeHead(200, { 'content-type': contentType, [by]: validator, 'content-length': body.length }).end(body);
  };
}

const RSS_V1 = fixture('rss/feed.rss');
/** The same feed with one item more, as a wire adds its newest story on top. */
const RSS_V2 = Buffer.from(
  RSS_V1.toString('utf8').replace(
    /<item>/,
    '<item><title>Late news: the harbour reopens</title><guid>urn:poller-test:late-item</guid><description>The harbour reopened on Tuesday after the storm, officials said.</description><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item><item>',
  ),
);

describe('poller: two instances polling real feeds over HTTP into real Kafka', () => {
  let rss = { body: RSS_V1, tag: 'rss-v1' };
  const servers = {
    main: new FeedServer({
      '/rss': conditionalFeed(() => rss, 'application/rss+xml; charset=utf-8', 'etag'),
      // Served as generic XML: the source's registered format says it is Atom.
      '/atom': conditionalFeed(() => ({ body: fixture('atom/feed.atom'), tag: 'atom-1' }), 'text/xml', 'last-modified'),
      '/ninjs': conditionalFeed(() => ({ body: fixture('ninjs/v2-envelope.json'), tag: 'ninjs-1' }), 'application/ninjs+json', 'etag'),
      '/g2': conditionalFeed(() => ({ body: fixture('newsml-g2/news-message.xml'), tag: 'g2-1' }), 'application/vnd.iptc.g2.newsmessage+xml', 'etag'),
      // Never answers: the poller's deadline must end it (the server ends it when the client goes).
      '/slow': () => undefined,
      // Streams without a Content-Length until the client hangs up.
      '/huge': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(16 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
      },
      '/rss-via-redirect': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS_V1),
      '/by-name': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(RSS_V1),
    }),
    // Another loopback address, the only internal one the `redirected` source may reach.
    other: new FeedServer({}),
  };
  let pollers: StartedPoller[] = [];
  let probe: TopicProbe;
  let db: Connection;
  let dir: string;
  let topic: string;

  const expectedKeys = (source: string, body: Buffer, contentType: string) =>
    readSubmission(body, contentType, { maxItems: 1000, articleBytes: 768 * 1024, receivedAt: new Date(), attribution: { sourceId: source } }).items.flatMap((i) =>
      i.status === 'accepted' ? [`${source}|${i.article.uri}`] : [],
    );
  const keysOnTopic = () => probe.on(topic).map((m) => m.key ?? '');
  const state = (id: string) => db.db!.collection<PollStateDoc>('poll_state').findOne({ _id: id });

  beforeAll(async () => {
    await servers.main.start('127.0.0.1');
    servers.other = new FeedServer({ '/redirect': (_req, res) => void res.writeHead(302, { location: `${servers.main.url}/rss-via-redirect` }).end() });
    await servers.other.start('127.0.0.2');
    const port = Number(new URL(servers.main.url).port);
    const feed = (id: string, path: string, extra: Record<string, unknown> = {}) => ({
      id,
      name: `Test feed ${id}`,
      poll: { url: `${servers.main.url}${path}`, everySeconds: 1, timeoutMs: 2_000, allowInternal: true, ...extra },
    });
    dir = mkdtempSync(join(tmpdir(), 'poller-'));
    writeFileSync(
      join(dir, 'sources.json'),
      JSON.stringify({
        sources: [
          feed('rss', '/rss'),
          { ...feed('atom', '/atom'), format: 'application/atom+xml' },
          feed('ninjs', '/ninjs'),
          feed('g2', '/g2'),
          feed('slow', '/slow', { timeoutMs: 300 }),
          feed('huge', '/huge', { maxBytes: 4096 }),
          { id: 'redirected', name: 'Redirected', poll: { url: `${servers.other.url}/redirect`, everySeconds: 1, allowInternal: ['127.0.0.2'] } },
          { id: 'by-name', name: 'By name', poll: { url: `http://localhost:${port}/by-name`, everySeconds: 1 } },
          { id: 'push-only', name: 'Push only', push: { keys: [{ id: 'k', secretEnv: 'UNUSED_KEY' }] } },
        ],
      }),
    );
    const env: Record<string, string> = { ...testEnv('poller'), SOURCES_FILE: join(dir, 'sources.json'), POLL_TICK_MS: '100', POLL_MAX_BACKOFF_SECONDS: '2' };
    topic = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [topic], `${env['KAFKA_TOPIC_NAMESPACE']}-probe`).start();
    db = await connectMongo(env['MONGODB_URI']);
    pollers = [await startPoller(env), await startPoller({ ...env, HEALTH_PORT: String(await freePort()) })];
  });

  afterAll(async () => {
    for (const p of pollers) await p.app.close();
    await probe?.stop();
    await db?.dropDatabase();
    await db?.close();
    await servers.main.stop();
    await servers.other.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every item of every feed once, under its source, and asks again with If-None-Match / If-Modified-Since', async () => {
    const expected = [
      ...expectedKeys('rss', RSS_V1, 'application/rss+xml'),
      ...expectedKeys('atom', fixture('atom/feed.atom'), 'application/atom+xml'),
      ...expectedKeys('ninjs', fixture('ninjs/v2-envelope.json'), 'application/ninjs+json'),
      ...expectedKeys('g2', fixture('newsml-g2/news-message.xml'), 'application/vnd.iptc.g2.newsmessage+xml'),
    ];
    expect(expected.length).toBeGreaterThanOrEqual(5);
    await probe.waitFor((ms) => expected.every((k) => ms.some((m) => m.key === k)), 60_000, `the items ${expected.join(', ')}`);
    // Two more conditional polls of each feed, both answered 304: the feeds are polled on schedule, nothing new.
    await servers.main.waitFor('two 304s per feed', () => ['/rss', '/atom', '/ninjs', '/g2'].every((p) => servers.main.count(p, (s) => s.status === 304) >= 2));
    expect(keysOnTopic().sort()).toEqual([...expected].sort());
    const article = probe.on(topic).find((m) => m.key?.startsWith('atom|'))?.value as { source: { id: string; format: string } };
    expect(article.source).toMatchObject({ id: 'atom', format: 'atom' });
  });

  it('publishes only the new item when a feed changes, then nothing while it stays the same', async () => {
    const before = keysOnTopic().length;
    rss = { body: RSS_V2, tag: 'rss-v2' };
    await probe.waitFor((ms) => ms.some((m) => m.key === 'rss|urn:poller-test:late-item'), 30_000, 'the late item');
    const fullV2 = servers.main.count('/rss', (s) => s.status === 200);
    await servers.main.waitFor('two 304s of the changed feed', () => servers.main.count('/rss', (s) => s.status === 304 && s.conditional) >= 2 + 2 && servers.main.count('/rss', (s) => s.status === 200) === fullV2);
    expect(keysOnTopic().length).toBe(before + 1);
    expect(new Set(keysOnTopic()).size).toBe(keysOnTopic().length);
  });

  it('records why a feed was refused: a slow answer, an oversized body, a redirect to loopback, a name resolving to loopback', async () => {
    const failed = async (id: string) => askUntil(`${id} recorded as failed`, () => state(id), (s) => (s?.failures ?? 0) >= 1);
    expect((await failed('slow'))?.lastOutcome).toMatchObject({ outcome: 'timeout', reason: 'the poll did not finish within 300 ms' });
    expect((await failed('huge'))?.lastOutcome).toMatchObject({ outcome: 'too_large', reason: 'the body passed the limit of 4096 bytes' });
    expect((await failed('redirected'))?.lastOutcome).toMatchObject({
      outcome: 'address_refused',
      reason: 'a redirect to 127.0.0.1 is a loopback address and this source may not reach internal addresses',
    });
    expect((await failed('by-name'))?.lastOutcome).toMatchObject({ outcome: 'address_refused', reason: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), which is a loopback address/) });
    // The redirect was asked for, its target never; the refused name never connected.
    expect(servers.other.count('/redirect')).toBeGreaterThanOrEqual(1);
    expect(servers.main.count('/rss-via-redirect')).toBe(0);
    expect(servers.main.count('/by-name')).toBe(0);
    // Failures back off: the next poll is at least the interval away, and the failing feeds published nothing.
    const slow = await state('slow');
    expect(slow!.nextPollAt.getTime() - slow!.lastPolledAt.getTime()).toBeGreaterThanOrEqual(1_000);
    expect(keysOnTopic().filter((k) => /^(slow|huge|redirected|by-name)\|/.test(k))).toEqual([]);
  });

  it('keeps each source to one poller at a time (its lease), with both instances serving health and metrics', async () => {
    for (const path of ['/rss', '/atom', '/ninjs', '/g2', '/slow', '/huge']) expect([path, servers.main.maxInFlight.get(path)]).toEqual([path, 1]);
    const leases = await db.db!.collection('poll_leases').find({}).toArray();
    // Leases are released after each poll; any left is held by one of the two instances.
    expect(leases.every((l) => [...new Set(pollers.map((p) => (p.poller as unknown as { lease: { owner: string } }).lease.owner))].includes(l['owner']))).toBe(true);
    // Work is spread by who takes each lease first (jittered ticks); how it fell is logged, not asserted.
    const polls = await Promise.all(pollers.map(async (p) => (await p.telemetry.metrics.feedPolls.get()).values.reduce((n, v) => n + v.value, 0)));
    process.stdout.write(`polls per instance: ${polls.join(', ')}\n`);
    expect(polls.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const withHealth = pollers[1];
    const ready = await askUntil('poller ready', () => fetch(`${withHealth.url}/health/ready`).then((r) => r.status), (s) => s === 200);
    expect(ready).toBe(200);
    const metrics = await (await fetch(`${withHealth.url}/metrics`)).text();
    expect(metrics).toMatch(/newswire_feed_polls_total\{[^}]*outcome="/);
  });
});
