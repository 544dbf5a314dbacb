import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectMongo } from '@newswire/mongo';
import { askUntil, ServiceProcess, STORIES, testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';

const SOURCE = 'e2e-feed';
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An RSS feed of the first `count` eval stories, newest first, as a wire's feed grows. */
function rssOf(count: number): string {
  const items = STORIES.slice(0, count)
    .map(
      (s, i) =>
        `<item><title>${escapeXml(s.headline)}</title><guid isPermaLink="false">urn:e2e-feed:${s.id}</guid>` +
        `<pubDate>${new Date(Date.UTC(2026, 0, 1, 8, i)).toUTCString()}</pubDate>` +
        `<description>${escapeXml(s.paragraphs.join('\n\n'))}</description></item>`,
    )
    .reverse();
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>E2E wire</title><link>http://example.org/</link><description>test</description>${items.join('')}</channel></rss>`;
}

/**
 * Pull end to end: two poller processes (built bundles) fetch a real HTTP
 * feed into the real pipeline (enricher, deduplicator, storage, from their
 * bundles) on the shared broker and store. The instance that holds the
 * feed's lease is SIGKILLed between two editions of the feed; the other
 * must take the source over when the lease lapses. Every item is stored
 * exactly once, under the registered source, with nothing recorded twice.
 */
describe('pull end to end: two pollers, one SIGKILLed, every feed item stored once', () => {
  const env: Record<string, string> = { ...testEnv('e2e-poll'), LOG_LEVEL: 'log', POLL_TICK_MS: '200', POLL_LEASE_TTL_MS: '2000' };
  const dir = mkdtempSync(join(tmpdir(), 'e2e-poll-'));
  const services: ServiceProcess[] = [];
  const pollers: ServiceProcess[] = [];
  let editionSize = 6;
  let server: Server;
  let db: Connection;

  beforeAll(async () => {
    server = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssOf(editionSize)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wire.rss`;
    const sourcesFile = join(dir, 'sources.yaml');
    writeFileSync(
      sourcesFile,
      `sources:\n  - id: ${SOURCE}\n    name: E2E wire\n    language: en\n    poll:\n      url: ${feedUrl}\n      everySeconds: 1\n      allowInternal: true\n`,
    );
    const stages = ['enricher', 'deduplicator', 'storage'].map((name) => new ServiceProcess(name, env, /consuming .* as group/));
    pollers.push(...[1, 2].map((n) => new ServiceProcess('poller', { ...env, SOURCES_FILE: sourcesFile, KAFKA_CLIENT_ID: `poller-${n}` }, /polling 1 feed\(s\)/)));
    services.push(...stages, ...pollers);
    await Promise.all(services.map((s) => s.start()));
    db = await connectMongo(env['MONGODB_URI']);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop().catch(() => undefined)));
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await db?.dropDatabase();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const storedUris = async () => (await db.collection('articles').find({}, { projection: { uri: 1, source: 1 } }).toArray()) as unknown as { uri: string; source?: string }[];
  const leaseHolder = async () => (await db.collection('poll_leases').findOne({ _id: SOURCE as never }))?.['owner'] as string | undefined;

  it('stores each item of the first edition once, then the second edition after the lease holder is killed', async () => {
    await askUntil('the first edition stored', storedUris, (docs) => docs.length >= 6, 90_000);

    // The lease owner is `<host>:<pid>:<nonce>`: kill the instance holding it, if one does right now.
    const holderPid = Number((await leaseHolder())?.split(':')[1]);
    const victim = pollers.find((p) => p.pid === holderPid) ?? pollers[0];
    victim.signal('SIGKILL');
    await victim.exited();
    editionSize = 12;

    const docs = await askUntil('the second edition stored by the survivor', storedUris, (d) => d.length >= 12, 120_000);
    const expected = STORIES.slice(0, 12).map((s) => `urn:e2e-feed:${s.id}`).sort();
    expect(docs.map((d) => d.uri).sort()).toEqual(expected);
    expect(new Set(docs.map((d) => d.source))).toEqual(new Set([SOURCE]));
    // Nothing was published twice (a re-published item would be recorded as a duplicate).
    expect(await db.collection('article_duplicates').countDocuments({})).toBe(0);
    // The survivor took the source over.
    const survivor = pollers.find((p) => p !== victim)!;
    expect(survivor.running).toBe(true);
  }, 300_000);
});
