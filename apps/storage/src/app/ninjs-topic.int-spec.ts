import { type ArticleDeduplicated, type ArticleNinjs, type ArticleStored, physicalTopic, storyKeyOf, TOPICS } from '@newswire/contracts';
import { stageHarness, storyVersion, TopicProbe } from '@newswire/testing';
import { startStorage } from '../bootstrap';
import { ninjsValidator } from '../../../../libs/wire-out/src/testing/ninjs-validator';

type Harness = Awaited<ReturnType<typeof stageHarness>>;

const embargoed = (message: ArticleDeduplicated, until: Date): ArticleDeduplicated => ({ ...message, article: { ...message.article, embargoed: until.toISOString() } });

describe('storage with NINJS_TOPIC: each new current version as ninjs on news.article.ninjs.v1 (real broker and store)', () => {
  const validate = ninjsValidator();
  let h: Harness;
  let ninjs: TopicProbe;
  let storage: Awaited<ReturnType<typeof startStorage>>;

  beforeAll(async () => {
    h = await stageHarness('storage-ninjs', TOPICS.articleDeduplicated, TOPICS.articleStored, { NINJS_TOPIC: 'true', EMBARGO_RELEASE_INTERVAL_MS: '200' });
    storage = await startStorage(h.env);
    ninjs = await new TopicProbe(h.env['KAFKA_BROKERS'], [physicalTopic(TOPICS.articleNinjs, h.env['KAFKA_TOPIC_NAMESPACE'])], `${h.env['KAFKA_TOPIC_NAMESPACE']}-ninjs`, h.env).start();
  }, 120_000);

  afterAll(async () => {
    await storage?.app.close();
    await ninjs?.stop();
    await h?.probe.stop();
  }, 60_000);

  const itemsOf = (key: string) => ninjs.messages.filter((m) => m.key === key).map((m) => m.value as ArticleNinjs);
  const storedOf = (articleId: string) => h.probe.on(h.topics.output).find((m) => (m.value as ArticleStored).articleId === articleId);

  it('sends a stored version as valid ninjs 2.1, a newer version again, and nothing for a stale one', async () => {
    const v2 = storyVersion({ uri: 'urn:ninjs:one', version: 2, headline: 'Harbour reopens after the storm' });
    const key = storyKeyOf(v2.article);
    await h.publish([{ key, value: v2 }]);
    await ninjs.waitFor((ms) => ms.some((m) => m.key === key), 30_000, 'the ninjs item');
    const [item] = itemsOf(key);
    expect(validate(item)).toBe(true);
    expect(item).toMatchObject({ uri: 'urn:ninjs:one', version: '2', headlines: [expect.objectContaining({ role: 'main', value: 'Harbour reopens after the storm' })] });

    // An older version after it is stale: a stored event says so, no ninjs follows.
    const v1 = storyVersion({ uri: 'urn:ninjs:one', version: 1 });
    const v3 = storyVersion({ uri: 'urn:ninjs:one', version: 3, headline: 'Harbour reopens: ships return' });
    await h.publish([{ key, value: v1 }, { key, value: v3 }]);
    await ninjs.waitFor((ms) => ms.filter((m) => m.key === key).length >= 2, 30_000, 'the second ninjs item');
    await h.probe.waitFor(() => storedOf(v1.article.id) !== undefined && storedOf(v3.article.id) !== undefined, 30_000, 'both stored events');
    expect((storedOf(v1.article.id)?.value as ArticleStored).status).toBe('stale-recorded');
    expect(itemsOf(key).map((i) => i.version)).toEqual(['2', '3']);
  });

  it('sends nothing for a story under embargo until its release, then its ninjs once', async () => {
    const held = embargoed(storyVersion({ uri: 'urn:ninjs:held', version: 1, headline: 'Held until noon' }), new Date(Date.now() + 3_000));
    const key = storyKeyOf(held.article);
    const marker = storyVersion({ uri: 'urn:ninjs:marker', version: 1 });
    await h.publish([{ key: 'one-partition', value: held }, { key: 'one-partition', value: marker }]);
    // The marker's ninjs came after the held story was handled: nothing for the held one yet.
    await ninjs.waitFor((ms) => ms.some((m) => m.key === storyKeyOf(marker.article)), 30_000, 'the marker ninjs');
    expect(itemsOf(key)).toEqual([]);
    await ninjs.waitFor((ms) => ms.some((m) => m.key === key), 30_000, 'the released story ninjs');
    const [item] = itemsOf(key);
    expect(validate(item)).toBe(true);
    expect(item).toMatchObject({ uri: 'urn:ninjs:held', headlines: [expect.objectContaining({ value: 'Held until noon' })] });
    // Once: a later story's ninjs arrives, and still one item for the released story.
    const after = storyVersion({ uri: 'urn:ninjs:after', version: 1 });
    await h.publish([{ key: 'one-partition', value: after }]);
    await ninjs.waitFor((ms) => ms.some((m) => m.key === storyKeyOf(after.article)), 30_000, 'a later ninjs');
    expect(itemsOf(key)).toHaveLength(1);
  });
});
