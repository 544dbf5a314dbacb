import { type ArticleDeduplicated, physicalTopic, type StoryCorrected, type StoryKilled, TOPICS } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { STORIES, stageHarness, storyArticle, TopicProbe } from '@newswire/testing';
import { startDeduplicator } from '../bootstrap';


describe('deduplicator: versions of one story (same source and id)', () => {
  it('supersedes with newer versions, records late ones as stale, and announces corrections and kills', async () => {
    const h = await stageHarness('dedupver', TOPICS.articleEnriched, TOPICS.articleDeduplicated);
    const ns = h.env['KAFKA_TOPIC_NAMESPACE'];
    const killed = physicalTopic(TOPICS.storyKilled, ns);
    const corrected = physicalTopic(TOPICS.storyCorrected, ns);
    const events = await new TopicProbe(h.env['KAFKA_BROKERS'], [killed, corrected], `${ns}-events`).start();
    const dedup = await startDeduplicator(h.env);
    try {
      const s = STORIES[0];
      const common = { uri: 'urn:test:quake-1', provider: 'Reuters' };
      const v1 = storyArticle(s.paragraphs, s.headline, { ...common, version: 1 });
      const v3 = storyArticle([...s.paragraphs.slice(0, -1), 'Officials later raised the death toll to 81.'], s.headline, { ...common, version: 3, signals: ['correction'] });
      const v2 = storyArticle(s.paragraphs.slice(0, 4), s.headline, { ...common, version: 2 });
      const v4 = storyArticle(['KILL: this story has been withdrawn by the source because it contained unverified casualty figures, and must not be published.', ...s.paragraphs.slice(0, 2)], s.headline, { ...common, version: 4, pubStatus: 'canceled' });
      // One key, so one partition and this order: v1, v3, then v2 late, then the kill.
      await h.publish([v1, v3, v2, v4].map((m) => ({ key: 'reuters|urn:test:quake-1', value: m })));
      await h.probe.waitForCount(h.topics.output, 4);
      await events.waitFor((ms) => ms.some((m) => m.topic === killed) && ms.some((m) => m.topic === corrected));

      const verdict = (id: string) => h.probe.on(h.topics.output).map((m) => m.value as ArticleDeduplicated).find((m) => m.article.id === id)?.dedup;
      const cluster = verdict(v1.article.id)?.clusterId;
      expect(verdict(v1.article.id)).toMatchObject({ status: 'original', clusterId: v1.article.id, storyKey: 'reuters|urn:test:quake-1' });
      expect(verdict(v3.article.id)).toMatchObject({ status: 'new-version', method: 'identity', duplicateOf: v1.article.id, clusterId: cluster });
      expect(verdict(v2.article.id)).toMatchObject({ status: 'stale-version', method: 'identity', duplicateOf: v3.article.id, clusterId: cluster });
      expect(verdict(v4.article.id)).toMatchObject({ status: 'new-version', duplicateOf: v3.article.id });
      expect(verdict(v2.article.id)?.explanation).toContain('not newer');

      const corr = events.on(corrected).map((m) => m.value as StoryCorrected);
      expect(corr).toEqual([expect.objectContaining({ articleId: v3.article.id, previousArticleId: v1.article.id, signals: ['correction'], version: 3 })]);
      const kill = events.on(killed).map((m) => m.value as StoryKilled);
      expect(kill).toEqual([expect.objectContaining({ articleId: v4.article.id, storyKey: 'reuters|urn:test:quake-1', clusterId: cluster })]);

      const db = await connectMongo(h.env['MONGODB_URI']);
      const story = await db.collection('dedup_stories').findOne({ _id: 'reuters|urn:test:quake-1' as never });
      await db.close();
      // The story's cluster lives in its articles' verdicts (above), not in the story record.
      expect(story).toMatchObject({ currentArticleId: v4.article.id, killed: true });
      expect((story?.['history'] as { articleId: string }[]).map((e) => e.articleId)).toEqual([v1, v3, v2, v4].map((m) => m.article.id));
    } finally {
      await dedup.app.close();
      await events.stop();
      await h.probe.stop();
      const db = await connectMongo(h.env['MONGODB_URI']);
      await db.dropDatabase();
      await db.close();
    }
  });
});
