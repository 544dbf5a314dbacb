import { ArticleQueries, ArticleRepository, detectCapabilities, type EmbargoAuditDoc } from '@newswire/archive-data';
import { type ArticleDeduplicated, type ArticleStored, physicalTopic, storyKeyOf, type StoryReleased, TOPICS } from '@newswire/contracts';
import { connectMongo, KeyedLease, type KeyedLeaseDoc } from '@newswire/mongo';
import { askUntil, stageHarness, storyVersion, TopicProbe } from '@newswire/testing';
import type { Connection, mongo } from 'mongoose';
import { startStorage } from '../bootstrap';
import { EmbargoReleaser } from './embargo-releaser';
import { EMBARGO_LEASES_COLLECTION } from './storage.module';

type Harness = Awaited<ReturnType<typeof stageHarness>>;

const embargoed = (message: ArticleDeduplicated, until: Date | undefined): ArticleDeduplicated => ({ ...message, article: { ...message.article, embargoed: until?.toISOString() } });
const version = (uri: string, n: number, until: Date | undefined) => embargoed(storyVersion({ uri, version: n, headline: `Embargoed ${uri} v${n}` }), until);
const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

describe('embargo in the storage stage (real broker and store)', () => {
  let h: Harness;
  let db: Connection;
  let repo: ArticleRepository;
  let publicReads: ArticleQueries;
  let released: TopicProbe;
  let storage: Awaited<ReturnType<typeof startStorage>>;

  const storedEvents = (storyKey: string) => h.probe.on(h.topics.output).map((m) => m.value as ArticleStored).filter((s) => s.storyKey === storyKey);
  const releases = (storyKey: string) => released.messages.map((m) => m.value as StoryReleased).filter((r) => r.storyKey === storyKey);
  const trail = (storyKey: string) => repo.embargo.trailOf(storyKey);
  const actions = (entries: EmbargoAuditDoc[]) => entries.map((e) => e.action);
  /** Publishes the messages, then a plain story, and waits for the plain story's event: the stage has handled all before it. */
  const publishAndPass = async (messages: ArticleDeduplicated[]) => {
    const marker = storyVersion({ uri: `urn:marker:${Date.now()}:${Math.random()}`, version: 1 });
    // One key: one partition, so the marker is handled after the messages.
    await h.publish([...messages, marker].map((m) => ({ key: 'embargo-test', value: m })));
    await h.probe.waitFor((ms) => ms.some((m) => (m.value as ArticleStored).articleId === marker.article.id), 30_000, 'the marker story');
  };

  beforeEach(async () => {
    h = await stageHarness('storage-embargo', TOPICS.articleDeduplicated, TOPICS.articleStored, { EMBARGO_RELEASE_INTERVAL_MS: '200' });
    db = await connectMongo(h.env['MONGODB_URI']);
    repo = new ArticleRepository(db);
    storage = await startStorage(h.env);
    publicReads = new ArticleQueries(db, await detectCapabilities(db));
    released = await new TopicProbe(h.env['KAFKA_BROKERS'], [physicalTopic(TOPICS.storyReleased, h.env['KAFKA_TOPIC_NAMESPACE'])], `${h.env['KAFKA_TOPIC_NAMESPACE']}-released`, h.env).start();
  });

  afterEach(async () => {
    await storage.app.close();
    await released.stop();
    await h.probe.stop();
    await db.dropDatabase();
    await db.close();
  });

  it('stores a held story without a public event, hides it from public reads, then releases it once at its time', async () => {
    const until = inSeconds(4);
    const story = version('urn:embargo:due', 1, until);
    const key = storyKeyOf(story.article);
    await publishAndPass([story]);

    expect((await repo.findByStoryKey(key))?.heldUntil?.toISOString()).toBe(until.toISOString());
    expect(storedEvents(key)).toEqual([]);
    expect(releases(key)).toEqual([]);
    expect(await publicReads.get({ storyKey: key })).toBeNull();
    expect(await publicReads.get({ id: story.article.id })).toBeNull();
    expect((await publicReads.list({}, { limit: 50 })).items.map((d) => d._id)).not.toContain(key);
    expect((await publicReads.list({ provider: 'Test Wire', q: 'Embargoed' }, { limit: 50 })).items.map((d) => d._id)).not.toContain(key);
    expect(await publicReads.cluster(story.dedup.clusterId)).toBeNull();
    const privileged = await publicReads.get({ storyKey: key }, { withheld: true, embargoed: true });
    expect(privileged?.article.heldUntil?.toISOString()).toBe(until.toISOString());
    expect((await publicReads.list({ includeEmbargoed: true }, { limit: 50 })).items.map((d) => d._id)).toContain(key);
    expect(actions(await trail(key))).toEqual(['hold']);

    await released.waitFor((ms) => ms.some((m) => (m.value as StoryReleased).storyKey === key), 30_000, 'the release');
    await h.probe.waitFor((ms) => ms.some((m) => (m.value as ArticleStored).storyKey === key), 30_000, 'the stored event after the release');
    const [release] = releases(key);
    expect(release).toMatchObject({ articleId: story.article.id, reason: 'due', embargoedUntil: until.toISOString() });
    expect(Date.parse(release.releasedAt)).toBeGreaterThanOrEqual(until.getTime());
    // Released: the hold is cleared, the due entry gone, and the audit has the hold and one release.
    // completeRelease clears the hold, then deletes the due entry (crash-safe order): wait for the
    // last of its writes, not the first, before reading what they left.
    await askUntil('the hold cleared', () => repo.findByStoryKey(key), (doc) => doc?.heldUntil === undefined);
    await askUntil('the due entry gone', () => repo.embargo.due.countDocuments({ _id: key }), (n) => n === 0);
    expect(actions(await trail(key))).toEqual(['hold', 'release']);
    expect((await publicReads.get({ storyKey: key }))?.article.articleId).toBe(story.article.id);
    // Once: later rounds (every 200 ms) found nothing more to send.
    await publishAndPass([]);
    expect(releases(key)).toHaveLength(1);
    expect(storedEvents(key)).toEqual([expect.objectContaining({ status: 'stored', articleId: story.article.id })]);
    const counted = await storage.telemetry.metrics.registry.getSingleMetricAsString('newswire_embargo_actions_total');
    expect(counted).toMatch(/action="hold"[^\n]* 1\n/);
    expect(counted).toMatch(/action="release"[^\n]* 1(\n|$)/);
  });

  it('releases at once when a new version lifts the embargo', async () => {
    const v1 = version('urn:embargo:lift', 1, inSeconds(3600));
    const key = storyKeyOf(v1.article);
    await publishAndPass([v1]);
    expect(storedEvents(key)).toEqual([]);

    const v2 = version('urn:embargo:lift', 2, undefined);
    await h.publish([{ key: 'embargo-test', value: v2 }]);
    await released.waitFor((ms) => ms.some((m) => (m.value as StoryReleased).storyKey === key), 30_000, 'the release');
    await h.probe.waitFor((ms) => ms.some((m) => (m.value as ArticleStored).storyKey === key), 30_000, 'the stored event');
    expect(releases(key)).toEqual([expect.objectContaining({ reason: 'lifted', articleId: v2.article.id })]);
    expect(storedEvents(key)).toEqual([expect.objectContaining({ articleId: v2.article.id, status: 'stored' })]);
    expect((await publicReads.get({ storyKey: key }))?.article.articleId).toBe(v2.article.id);
    await askUntil('the release recorded', () => trail(key), (t) => actions(t).includes('release'));
    expect(actions(await trail(key))).toEqual(['hold', 'lift', 'release']);
  });

  it('holds longer when a new version moves the embargo later', async () => {
    const first = inSeconds(2);
    const later = inSeconds(3600);
    const v1 = version('urn:embargo:moved', 1, first);
    const key = storyKeyOf(v1.article);
    await publishAndPass([v1, version('urn:embargo:moved', 2, later)]);

    const entries = await trail(key);
    expect(actions(entries)).toEqual(['hold', 'change']);
    expect(entries[1]).toMatchObject({ previousUntil: first, embargoedUntil: later });
    expect((await repo.embargo.due.findById(key).lean())?.dueAt).toEqual(later);
    // Past the first time, with release rounds every 200 ms, the story is still held and nothing was sent.
    await askUntil('the first embargo time to pass', async () => Date.now(), (t) => t > first.getTime() + 1000);
    await publishAndPass([]);
    expect(await publicReads.get({ storyKey: key })).toBeNull();
    expect(releases(key)).toEqual([]);
    expect(storedEvents(key)).toEqual([]);
  });

  it('releases once with two releasers at once, and again (same releaseId, one audit entry) after a crash mid-release', async () => {
    const story = version('urn:embargo:race', 1, inSeconds(3600));
    const key = storyKeyOf(story.article);
    await publishAndPass([story]);
    await storage.app.close();
    // Due now, as if the time had passed.
    const dueAt = new Date(Date.now() - 1000);
    await repo.articles.updateOne({ _id: key }, { $set: { heldUntil: dueAt } });
    await repo.embargo.due.updateOne({ _id: key }, { $set: { dueAt } });

    const leases = db.collection(EMBARGO_LEASES_COLLECTION) as unknown as mongo.Collection<KeyedLeaseDoc>;
    const sent: { owner: string; topic: string; releaseId?: string }[] = [];
    const releaserOf = (owner: string, fail = false) =>
      new EmbargoReleaser(
        repo.embargo,
        new KeyedLease(leases, 30_000, owner),
        async (m) => {
          if (fail && m.topic === TOPICS.articleStored) throw new Error('crashed before the stored event');
          sent.push({ owner, topic: m.topic, releaseId: (m.value as StoryReleased).releaseId });
        },
        undefined,
        { intervalMs: 60_000, batch: 10 },
      );

    // The first attempt dies between the release event and the stored event: nothing is recorded.
    await expect(releaserOf('crashing', true).releaseDue()).rejects.toThrow('crashed');
    expect(actions(await trail(key))).toEqual(['hold']);

    const rounds = await Promise.all([releaserOf('a').round(), releaserOf('b').round()]);
    expect(rounds.filter((n) => n === 1)).toHaveLength(1);
    const releasesSent = sent.filter((s) => s.topic === TOPICS.storyReleased);
    // The crashed attempt's release plus exactly one complete release, by one instance.
    expect(releasesSent).toHaveLength(2);
    expect(new Set(releasesSent.map((s) => s.releaseId)).size).toBe(1);
    expect(sent.filter((s) => s.topic === TOPICS.articleStored)).toHaveLength(1);
    expect(actions(await trail(key))).toEqual(['hold', 'release']);
    expect(await repo.embargo.due.countDocuments({})).toBe(0);
  });
});
