import type { INestApplication } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ArticleRepository } from '@newswire/archive-data';
import { type ArticleStored, physicalTopic, TOPICS } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { postSigned, testEnv, testSources, TopicProbe } from '@newswire/testing';
// The real stages, started in-process with their own bootstraps (as their integration tests do).
import { startDeduplicator } from '../../../deduplicator/src/bootstrap';
import { startEnricher } from '../../../enricher/src/bootstrap';
import { startStorage } from '../../../storage/src/bootstrap';
import { startIngester } from '../bootstrap';

describe('a story can be updated or killed only by the source that sent it (through the whole pipeline)', () => {
  const s = testSources([
    { id: 'wire-a', provider: 'Wire A' },
    // No registry provider: B's stories keep the provider their body names, so B can claim to be "Wire A".
    { id: 'wire-b' },
  ]);
  const env = { ...testEnv('attribution'), ...s.env };
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const storedTopic = physicalTopic(TOPICS.articleStored, ns);
  let ingester: INestApplication;
  let url: string;
  const stages: INestApplication[] = [];
  let probe: TopicProbe;
  let db: Connection;
  let archive: ArticleRepository;

  beforeAll(async () => {
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [storedTopic], `${ns}-probe`).start();
    for (const start of [startEnricher, startDeduplicator, startStorage]) stages.push((await start(env)).app);
    ({ app: ingester, url } = await startIngester({ ...env, NEWSWIRE_DEV_MODE: 'false', PORT: '0' }));
    db = await connectMongo(env['MONGODB_URI']);
    archive = new ArticleRepository(db);
  }, 120_000);

  afterAll(async () => {
    await ingester?.close();
    for (const stage of stages) await stage.close();
    await probe?.stop();
    await db?.dropDatabase();
    await db?.close();
  }, 60_000);

  const send = async (source: 'wire-a' | 'wire-b', article: Record<string, unknown>): Promise<ArticleStored> => {
    const res = await postSigned(url, { source: s.sources[source], body: JSON.stringify(article) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const stored = () => probe.on(storedTopic).find((m) => (m.value as ArticleStored).articleId === id)?.value as ArticleStored | undefined;
    await probe.waitFor(() => stored() !== undefined, 60_000, `the stored event of ${id}`);
    return stored() as ArticleStored;
  };

  it('keeps A\'s story with its body when B sends the same uri as canceled, and kills it when A does', async () => {
    const uri = 'urn:shared:story-1';
    const original = { uri, headline: 'Harbour reopens after storm', bodyText: 'The harbour reopened on Tuesday after three days of closure. Ferries resumed.' };
    const first = await send('wire-a', { ...original, provider: 'Wire A' });
    expect(first).toMatchObject({ status: 'stored', storyKey: `wire-a|${uri}` });

    // B claims to be A in the body and cancels A's uri: the key comes from B's signature, not from the body.
    const forged = await send('wire-b', { ...original, provider: 'Wire A', publisher: 'Wire A', pubStatus: 'canceled', version: 2 });
    expect(forged.storyKey).toBe(`wire-b|${uri}`);
    const kept = await archive.findByStoryKey(`wire-a|${uri}`);
    expect(kept).toMatchObject({ articleId: first.articleId, killed: false, provider: 'Wire A', bodyText: original.bodyText });

    // The same kill from A itself works: the test above is not passing because kills are broken.
    const killed = await send('wire-a', { ...original, pubStatus: 'canceled', version: 2 });
    expect(killed.storyKey).toBe(`wire-a|${uri}`);
    const gone = await archive.findByStoryKey(`wire-a|${uri}`);
    expect(gone).toMatchObject({ killed: true });
    expect(gone?.bodyText).toBeUndefined();
  });
});
