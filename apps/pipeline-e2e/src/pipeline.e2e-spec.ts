import { type ArticleEnriched, type ArticleStored, physicalTopic, TOPICS } from '@newswire/contracts';
import { ArticleRepository } from '@newswire/archive-data';
import { connectMongo } from '@newswire/mongo';
import { exampleSubscriberCommand, referenceSample, ServiceProcess, STORIES, testEnv, TopicProbe } from '@newswire/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';

describe('the whole pipeline, each service run from its built bundle', () => {
  const env: Record<string, string> = { ...testEnv('e2e'), LOG_LEVEL: 'log', PORT: '0' };
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const services: ServiceProcess[] = [];
  let ingesterUrl: string;
  let subscriber: TopicProbe;
  let db: Connection;
  let repo: ArticleRepository;
  let follower: ServiceProcess;

  beforeAll(async () => {
    // A separate downstream consumer, in its own group, following the enriched topic.
    subscriber = await new TopicProbe(
      env['KAFKA_BROKERS'],
      [physicalTopic(TOPICS.articleEnriched, ns), physicalTopic(TOPICS.articleStored, ns)],
      `${ns}-downstream`,
    ).start();
    const stages = ['enricher', 'deduplicator', 'storage'].map((name) => new ServiceProcess(name, env, /consuming .* as group/));
    const ingester = new ServiceProcess('ingester', env, /ready: POST (http:\/\/\S+)\/v1\/articles/);
    // The example subscriber from tools/, run the way its header says.
    follower = new ServiceProcess('follow-enriched', env, /following .* as group/, exampleSubscriberCommand());
    services.push(...stages, ingester, follower);
    await Promise.all(services.map((s) => s.start()));
    ingesterUrl = /ready: POST (http:\/\/\S+)\/v1\/articles/.exec(ingester.log)?.[1] ?? '';
    db = await connectMongo(env['MONGODB_URI']);
    repo = new ArticleRepository(db);
  }, 120_000); // hooks get their own timeout: a multi-project Jest run ignores the project testTimeout

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await subscriber?.stop();
    await db?.dropDatabase();
    await db?.close();
  }, 60_000);

  const postSample = async () => {
    const res = await fetch(`${ingesterUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: referenceSample(),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  };
  const storedEvent = (id: string) =>
    subscriber.on(physicalTopic(TOPICS.articleStored, ns)).find((m) => (m.value as ArticleStored).articleId === id)?.value as
      | ArticleStored
      | undefined;

  it('stores the reference sample with its head, clean body and entities, and a subscriber receives it enriched', async () => {
    const id = await postSample();
    await subscriber.waitFor(() => storedEvent(id) !== undefined, 60_000, 'the stored event');
    expect(storedEvent(id)?.status).toBe('stored');

    const doc = await repo.findById(id);
    expect(doc).not.toBeNull();
    expect(doc?.headline).toBe('Washington sanctions Havana: Russia and Cuba are strategic allies');
    expect(doc?.firstCreated?.toISOString().slice(0, 10)).toBe('2024-11-24');
    expect(doc?.publisher).toBe('Daily Impact European');
    expect(doc?.language).toBe('en');
    expect(doc?.bodyText?.startsWith('Miguel Diaz-Canel, Cuban president')).toBe(true);
    expect(doc?.bodyText).not.toContain('We are an independent daily');
    expect(doc?.bodyText).not.toContain('About The Author');
    const people = doc?.enrichment.people.map((p) => p.name);
    expect(people).toEqual(expect.arrayContaining(['Vladimir Putin', 'Miguel Diaz-Canel']));
    expect(doc?.enrichment.places.map((p) => p.name)).toContain('Havana');

    const enriched = subscriber
      .on(physicalTopic(TOPICS.articleEnriched, ns))
      .map((m) => m.value as ArticleEnriched)
      .find((m) => m.article.id === id);
    expect(enriched?.enrichment.people.map((p) => p.name)).toContain('Vladimir Putin');

    // The example subscriber printed the headline with its entities.
    await follower.waitForOutput(/Washington sanctions Havana: Russia and Cuba are strategic allies[\s\S]*people: .*Vladimir Putin/);
  });

  it('posting the same sample again leaves one stored article and marks the second as a duplicate', async () => {
    const first = (await repo.articles.find({}).lean())[0];
    const secondId = await postSample();
    await subscriber.waitFor(() => storedEvent(secondId) !== undefined, 60_000, 'the second stored event');
    // Stories are stored under their story key; the article id is a field of the current version.
    expect(storedEvent(secondId)).toMatchObject({ status: 'duplicate-recorded', duplicateOf: first.articleId, clusterId: first.articleId });
    expect(await repo.articles.countDocuments({})).toBe(1);
    expect(await repo.duplicates.findById(secondId).lean()).toMatchObject({ duplicateOf: first.articleId, method: 'exact' });
  });

  // A 519 KB story once passed the ingester and then stopped the pipeline for good: its enriched
  // form (text, HTML and original, each half a megabyte) was over the broker's 1 MB limit.
  it('carries a half-megabyte story through every hop at the broker default limit, and refuses one too large for the budget up front', async () => {
    const paragraphs = STORIES.flatMap((story) => story.paragraphs);
    let text = '';
    for (let i = 0; Buffer.byteLength(text) < 519_000; i++) text += `${paragraphs[i % paragraphs.length]}\n\n`;
    const post = (body: string) => fetch(`${ingesterUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body });
    const res = await post(`A very long report on many things\n\n${text}`);
    expect(res.status).toBe(202);
    const report = (await res.json()) as { id: string; items: { trimmed?: string[] }[] };
    // The HTML rendition stays behind so the body travels once (the original bytes are never kept at this size).
    expect(report.items[0].trimmed).toEqual(['bodyHtml']);
    await subscriber.waitFor(() => storedEvent(report.id) !== undefined, 90_000, 'the long story stored');
    expect(storedEvent(report.id)?.status).toBe('stored');
    expect((await repo.findById(report.id))?.bodyText?.length).toBeGreaterThan(500_000);

    const tooLarge = await post(`An even longer report\n\n${text}${text}`);
    expect(tooLarge.status).toBe(413);
    expect(((await tooLarge.json()) as { error: string }).error).toBe('story_too_large');
  });

  it('stores stories sent as an e-mail, a JSON Feed and Ritzau XML, each with its own source format, and refuses a picture', async () => {
    const fixture = (path: string) => new Uint8Array(readFileSync(join(__dirname, '../../../libs/wire-formats/src/fixtures', path)));
    const sent: [string, string, string][] = [
      ['email/stringer.eml', 'message/rfc822', 'email'],
      ['json-feed/feed.json', 'application/feed+json', 'json-feed'],
      ['ritzau/queue.xml', 'application/xml', 'ritzau-xml'],
    ];
    const ids: [string, string][] = [];
    for (const [path, type, format] of sent) {
      const res = await fetch(`${ingesterUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': type }, body: fixture(path) });
      expect(res.status).toBe(202);
      const report = (await res.json()) as { items: { status: string; id?: string }[] };
      for (const item of report.items) if (item.status === 'accepted' && item.id) ids.push([item.id, format]);
    }
    expect(ids).toHaveLength(5);
    await subscriber.waitFor(() => ids.every(([id]) => storedEvent(id) !== undefined), 90_000, 'the five stored events');
    const enriched = (id: string) => subscriber.on(physicalTopic(TOPICS.articleEnriched, ns)).map((m) => m.value as ArticleEnriched).find((m) => m.article.id === id);
    for (const [id, format] of ids) expect(enriched(id)?.article.source.format).toBe(format);
    const email = await repo.findById(ids[0][0]);
    expect(email?.headline).toBe('Harbour reopens after storm’s damage is cleared');
    expect(email?.bodyText).not.toContain('Kim Lee | Example Press');

    const jpeg = await fetch(`${ingesterUrl}/v1/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x02]) });
    expect([jpeg.status, ((await jpeg.json()) as { error: string }).error]).toEqual([422, 'unsupported_format']);
  });
});
