import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Connection } from 'mongoose';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { contentHash, dropFileKey, dropItemId } from '@newswire/drop-folder';
import { SOURCE_HEALTH_COLLECTION } from '@newswire/feed-health';
import { connectMongo } from '@newswire/mongo';
import { askUntil, freePort, testEnv, TopicProbe } from '@newswire/testing';
import { readSubmission } from '@newswire/wire-formats';
import { startPoller, type StartedPoller } from '../bootstrap';
import { DROP_FILES_COLLECTION, type DropFileDoc } from './drop-files';

const fixtures = resolve(__dirname, '../../../../libs/wire-formats/src/fixtures');
const fixture = (path: string) => readFileSync(join(fixtures, path));

/** An RSS document of `n` stories with uris `urn:drop-test:<tag>:<i>`. */
const rss = (tag: string, n: number) =>
  Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Drop ${tag}</title><link>https://drop.example/</link><description>test</description>${Array.from(
      { length: n },
      (_, i) =>
        `<item><title>Story ${i} of ${tag}: the harbour reopens</title><guid>urn:drop-test:${tag}:${i}</guid><description>The harbour reopened on Tuesday after the storm (${tag}, ${i}), officials said.</description><pubDate>Tue, 02 Dec 2025 10:00:00 GMT</pubDate></item>`,
    ).join('')}</channel></rss>`,
  );

describe('poller: drop folders watched by two instances, into real Kafka and a real store', () => {
  let pollers: StartedPoller[] = [];
  let probe: TopicProbe;
  let db: Connection;
  let dir: string;
  let topic: string;
  let env: Record<string, string>;
  const folder = { wire: '', g2: '' };

  /** The story keys and ids a file must give, read as the watcher reads it. */
  const expected = (source: string, body: Buffer, contentType: string, receivedAt = new Date()) => {
    const sha = contentHash(body);
    return readSubmission(body, contentType, { maxItems: 1000, articleBytes: 768 * 1024, receivedAt, attribution: { sourceId: source }, articleId: (i) => dropItemId(source, sha, i) }).items.flatMap((i) =>
      i.status === 'accepted' ? [{ key: `${source}|${i.article.uri}`, id: i.article.id }] : [],
    );
  };
  const onTopic = () => probe.on(topic).map((m) => ({ key: m.key ?? '', value: m.value as { id: string; source: { id: string; receivedAt: string } } }));
  const keysOnTopic = () => onTopic().map((m) => m.key);
  const ls = (path: string) => (existsSync(path) ? readdirSync(path).sort() : []);
  /**
   * Waits until the watcher has filed `name` into `sub` (processed/ or failed/) and the folder holds no file of that name,
   * and, with `withReason` (always in failed/), until its reason file is there too: it is written just after the move.
   */
  const filed = (f: string, sub: 'processed' | 'failed', name: string, withReason = sub === 'failed') =>
    askUntil(
      `${name}${withReason ? ' and its reason' : ''} in ${sub}/`,
      async () => ({ root: ls(f), sub: ls(join(f, sub)) }),
      (s) => s.sub.includes(name) && !s.root.includes(name) && (!withReason || s.sub.includes(`${name}.reason.json`)),
      30_000,
    );
  const reason = (f: string, sub: string, name: string) => JSON.parse(readFileSync(join(f, sub, `${name}.reason.json`), 'utf8')) as { code: string; message: string; at: string; items?: unknown[] };
  const start = async () => (pollers = [await startPoller(env), await startPoller({ ...env, HEALTH_PORT: String(await freePort()) })]);
  const stop = async () => {
    for (const p of pollers) await p.app.close();
    pollers = [];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'drop-folder-'));
    folder.wire = join(dir, 'wire');
    folder.g2 = join(dir, 'g2');
    mkdirSync(folder.g2);
    writeFileSync(
      join(dir, 'sources.json'),
      JSON.stringify({
        sources: [
          // Created by the watcher; read by extension; small limit for the oversized-file case.
          { id: 'wire', name: 'Wire drops', provider: 'Wire Co', dropFolder: { path: 'wire', quietSeconds: 2, maxBytes: 4096 } },
          // A sender that renames into place: taken when first seen.
          { id: 'g2', name: 'G2 drops', format: 'application/vnd.iptc.g2.newsmessage+xml', dropFolder: { path: folder.g2, quietSeconds: 0 } },
          // A share that is not there (its path runs through a file): logged and counted, never unready.
          { id: 'unmounted', name: 'Unmounted share', dropFolder: { path: join(dir, 'sources.json', 'share') } },
        ],
      }),
    );
    env = { ...testEnv('drop'), SOURCES_FILE: join(dir, 'sources.json'), DROP_SCAN_MS: '100', POLL_TICK_MS: '100' };
    topic = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [topic], `${env['KAFKA_TOPIC_NAMESPACE']}-probe`).start();
    db = await connectMongo(env['MONGODB_URI']);
    await start();
  });

  afterAll(async () => {
    await stop();
    await probe?.stop();
    await db?.dropDatabase();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every story of every complete file once, under its source, with ids from the content, and files it in processed/', async () => {
    await askUntil('the wire folder and its subfolders created', async () => ls(folder.wire), (names) => names.includes('processed') && names.includes('failed'));
    const feed = rss('first', 3);
    const ninjs = fixture('ninjs/v2-envelope.json');
    const g2 = fixture('newsml-g2/news-message.xml');
    writeFileSync(join(folder.wire, 'feed.xml'), feed);
    writeFileSync(join(folder.wire, 'story.json'), ninjs);
    // Written under an in-progress name, then renamed into place.
    writeFileSync(join(folder.g2, 'message.xml.part'), g2);
    renameSync(join(folder.g2, 'message.xml.part'), join(folder.g2, 'message.xml'));
    const want = [...expected('wire', feed, 'application/xml'), ...expected('wire', ninjs, 'application/json'), ...expected('g2', g2, 'application/vnd.iptc.g2.newsmessage+xml')];
    expect(want.length).toBeGreaterThanOrEqual(5);
    await filed(folder.wire, 'processed', 'feed.xml');
    await filed(folder.wire, 'processed', 'story.json', true);
    await filed(folder.g2, 'processed', 'message.xml');
    // Published before filed: everything is on the topic once the files are in processed/.
    await probe.waitFor((ms) => want.every((w) => ms.some((m) => m.key === w.key)), 30_000, 'the stories of the dropped files');
    expect(keysOnTopic().sort()).toEqual(want.map((w) => w.key).sort());
    expect(onTopic().map((m) => m.value.id).sort()).toEqual(want.map((w) => w.id).sort());
    expect(onTopic().find((m) => m.key.startsWith('wire|'))?.value).toMatchObject({ source: { id: 'wire' }, provider: 'Wire Co' });
    // A fully accepted file has no reason file; one with a story refused (the ninjs envelope carries an event) lists it, as push does.
    expect(ls(join(folder.wire, 'processed'))).toEqual(['feed.xml', 'story.json', 'story.json.reason.json']);
    expect(reason(folder.wire, 'processed', 'story.json')).toMatchObject({ code: 'partial', items: [{ index: 1, code: 'not_a_story' }] });
    const record = await db.db!.collection<DropFileDoc>(DROP_FILES_COLLECTION).findOne({ _id: dropFileKey('wire', contentHash(feed)) });
    expect(record).toMatchObject({ state: 'published', name: 'feed.xml', published: 3, rejected: 0 });
  });

  it('never overwrites in processed/, and does not publish the same content dropped again', async () => {
    const before = keysOnTopic().length;
    writeFileSync(join(folder.wire, 'feed.xml'), rss('first', 3));
    await filed(folder.wire, 'processed', 'feed.1.xml');
    expect(ls(join(folder.wire, 'processed'))).toEqual(['feed.1.xml', 'feed.xml', 'story.json', 'story.json.reason.json']);
    expect(keysOnTopic().length).toBe(before);
  });

  it('files what cannot be ingested in failed/ with a reason, with the codes a push gets, and never takes in-progress names', async () => {
    writeFileSync(join(folder.wire, 'broken.json'), '{"headline": "no end');
    writeFileSync(join(folder.wire, 'huge.xml'), Buffer.alloc(5000, 'x'));
    writeFileSync(join(folder.wire, 'notes.doc'), 'hello');
    writeFileSync(join(folder.wire, 'empty.txt'), '');
    writeFileSync(join(folder.wire, 'upload.xml.part'), rss('partial', 1));
    writeFileSync(join(folder.wire, '.hidden.xml'), rss('hidden', 1));
    for (const name of ['broken.json', 'huge.xml', 'notes.doc', 'empty.txt']) await filed(folder.wire, 'failed', name);
    expect(reason(folder.wire, 'failed', 'broken.json')).toMatchObject({ code: 'invalid_json', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(reason(folder.wire, 'failed', 'huge.xml')).toMatchObject({ code: 'payload_too_large', message: 'the file exceeds the limit of 4096 bytes' });
    expect(reason(folder.wire, 'failed', 'notes.doc')).toMatchObject({ code: 'unsupported_media_type' });
    expect(reason(folder.wire, 'failed', 'empty.txt')).toMatchObject({ code: 'empty_body' });
    // The in-progress uploads are untouched (and the failed files published nothing).
    expect(ls(folder.wire)).toEqual(['.hidden.xml', 'failed', 'processed', 'upload.xml.part']);
    expect(keysOnTopic().filter((k) => /partial|hidden/.test(k))).toEqual([]);
    // Feed health counts each failed file as one of the source's parse failures.
    const failuresOf = async () => {
      const doc = await db.db!.collection<{ _id: string; failures?: Record<string, number> }>(SOURCE_HEALTH_COLLECTION).findOne({ _id: 'wire' });
      return Object.values(doc?.failures ?? {}).reduce((n, v) => n + v, 0);
    };
    expect(await askUntil('the failed files counted by feed health', failuresOf, (n) => n >= 4)).toBe(4);
  });

  it('does not take a file while it is still being written (appended over several scans)', async () => {
    const body = rss('slow', 2);
    const path = join(folder.wire, 'slow.xml');
    const chunks = 6;
    const size = Math.ceil(body.length / chunks);
    let seenWhileWriting = false;
    let written = 0;
    // The size a watcher last saw the file at (its completeness state), or undefined before any scan saw it.
    const seenSize = () => pollers.map((p) => (p.dropFolders as unknown as { watched: Map<string, Map<string, { size: number }>> }).watched.get('wire')?.get('slow.xml')?.size);
    for (let i = 0; i < chunks; i++) {
      const chunk = body.subarray(i * size, (i + 1) * size);
      appendFileSync(path, chunk);
      written += chunk.length;
      // The writer appends again once a scan has seen this part: the file keeps changing inside the 2 s quiet period.
      await askUntil(`a scan of slow.xml at ${written} bytes`, async () => seenSize(), (sizes) => sizes.includes(written));
      expect(ls(folder.wire)).toContain('slow.xml');
      seenWhileWriting ||= seenSize().some((s) => s !== undefined);
    }
    expect(seenWhileWriting).toBe(true);
    await filed(folder.wire, 'processed', 'slow.xml');
    expect(ls(join(folder.wire, 'failed'))).not.toContain('slow.xml');
    const want = expected('wire', body, 'application/xml').map((w) => w.key);
    await probe.waitFor((ms) => want.every((k) => ms.some((m) => m.key === k)), 30_000, 'the slow file stories');
    expect(keysOnTopic().filter((k) => k.includes(':slow:')).sort()).toEqual(want.sort());
  });

  it('counts and logs a folder it cannot read, and stays ready', async () => {
    const [, withHealth] = pollers;
    const errors = async () => (await withHealth.telemetry.metrics.dropFolderErrors.get()).values.find((v) => v.labels['source'] === 'unmounted')?.value ?? 0;
    expect(await askUntil('scan errors counted for the unmounted share', errors, (n) => n >= 2)).toBeGreaterThanOrEqual(2);
    expect((await fetch(`${withHealth.url}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${withHealth.url}/metrics`)).text()).toMatch(/newswire_drop_folder_errors_total\{[^}]*source="unmounted"[^}]*\} [1-9]/);
  });

  it('survives a restart mid-file, after publishing before the move, and after recording before publishing: every story once, no file left behind', async () => {
    const files = db.db!.collection<DropFileDoc>(DROP_FILES_COLLECTION);
    // A file half written when both instances stop.
    const midFile = rss('mid', 2);
    appendFileSync(join(folder.wire, 'mid.xml'), midFile.subarray(0, 200));
    await askUntil('the half-written file seen', async () => pollers.some((p) => (p.dropFolders as unknown as { watched: Map<string, Map<string, unknown>> }).watched.get('wire')?.has('mid.xml')), Boolean);
    await stop();
    appendFileSync(join(folder.wire, 'mid.xml'), midFile.subarray(200));
    // An instance died after its stories were published, before the move: its record says published.
    const done = rss('done', 2);
    writeFileSync(join(folder.wire, 'done.xml'), done);
    const sha = contentHash(done);
    const at = new Date('2026-01-01T00:00:00Z');
    await files.insertOne({ _id: dropFileKey('wire', sha), sourceId: 'wire', sha256: sha, name: 'done.xml', state: 'published', receivedAt: at, updatedAt: at, by: 'dead', published: 2, rejected: 0 });
    // An instance died after recording the file, before any story was acknowledged.
    const half = rss('half', 2);
    writeFileSync(join(folder.wire, 'half.xml'), half);
    const halfSha = contentHash(half);
    await files.insertOne({ _id: dropFileKey('wire', halfSha), sourceId: 'wire', sha256: halfSha, name: 'half.xml', state: 'publishing', receivedAt: at, updatedAt: at, by: 'dead' });

    await start();
    for (const name of ['mid.xml', 'done.xml', 'half.xml']) await filed(folder.wire, 'processed', name);
    const mid = expected('wire', midFile, 'application/xml').map((w) => w.key);
    const halfWant = expected('wire', half, 'application/xml', at);
    await probe.waitFor((ms) => [...mid, ...halfWant.map((w) => w.key)].every((k) => ms.some((m) => m.key === k)), 30_000, 'the stories of the files taken after the restart');
    expect(keysOnTopic().filter((k) => k.includes(':mid:')).sort()).toEqual(mid.sort());
    // Published again with the recorded receivedAt and the same ids; the published file published nothing.
    const halfOnTopic = onTopic().filter((m) => m.key.includes(':half:'));
    expect(halfOnTopic.map((m) => m.value.id).sort()).toEqual(halfWant.map((w) => w.id).sort());
    expect(halfOnTopic.every((m) => m.value.source.receivedAt === at.toISOString())).toBe(true);
    expect(keysOnTopic().filter((k) => k.includes(':done:'))).toEqual([]);
    expect(await files.findOne({ _id: dropFileKey('wire', halfSha) })).toMatchObject({ state: 'published', published: 2 });
    // Every key once across everything this suite dropped, through two instances and a restart.
    expect(new Set(keysOnTopic()).size).toBe(keysOnTopic().length);
    expect(ls(folder.wire)).toEqual(['.hidden.xml', 'failed', 'processed', 'upload.xml.part']);
    const metrics = (await Promise.all(pollers.map((p) => p.telemetry.metrics.render()))).map((m) => m.body).join('\n');
    expect(metrics).toMatch(/newswire_drop_files_total\{[^}]*outcome="processed"/);
  });
});
