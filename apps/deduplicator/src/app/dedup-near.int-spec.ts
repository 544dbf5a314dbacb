import { type ArticleDeduplicated, TOPICS } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { STORIES, stageHarness, storyArticle } from '@newswire/testing';
import { startDeduplicator } from '../bootstrap';


const verdicts = (h: { probe: { on: (t: string) => { value: unknown }[] }; topics: { output: string } }) =>
  h.probe.on(h.topics.output).map((m) => m.value as ArticleDeduplicated);

async function cleanup(uri: string) {
  const db = await connectMongo(uri);
  await db.dropDatabase();
  await db.close();
}

describe('deduplicator: copies across outlets', () => {
  it('recognises an edited syndicated copy as a near duplicate with a score and explanation, and keeps another story on the same event apart', async () => {
    const h = await stageHarness('dedupnear', TOPICS.articleEnriched, TOPICS.articleDeduplicated, { KAFKA_TOPIC_PARTITIONS: '1' });
    const dedup = await startDeduplicator(h.env);
    try {
      const [s, other] = [STORIES[4], STORIES[5]];
      const original = storyArticle(s.paragraphs, s.headline, { provider: 'AP', uri: 'urn:ap:fire-1' });
      const copy = storyArticle(['ATHENS (AP) - ' + s.paragraphs[0], ...s.paragraphs.slice(1, 4).map((p) => p.replace(/percent/g, 'per cent')), 'Sign up for our newsletter.'], s.alt, {
        provider: 'Cyprus Mail',
        uri: 'cm-8812',
      });
      const sameEvent = storyArticle(other.paragraphs, other.headline, { provider: 'Guardian', uri: 'g-77' });
      await h.publish([original, copy, sameEvent].map((m) => ({ key: m.article.uri, value: m })));
      await h.probe.waitForCount(h.topics.output, 3);
      const byId = (id: string) => verdicts(h).find((m) => m.article.id === id)?.dedup;
      expect(byId(original.article.id)).toMatchObject({ status: 'original', clusterId: original.article.id });
      const near = byId(copy.article.id);
      expect(near).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: original.article.id, clusterId: original.article.id });
      expect(near?.score).toBeGreaterThan(0.6);
      expect(near?.explanation).toContain(original.article.id);
      expect(byId(sameEvent.article.id)).toMatchObject({ status: 'original', clusterId: sameEvent.article.id });
    } finally {
      await dedup.app.close();
      await h.probe.stop();
      await cleanup(h.env['MONGODB_URI']);
    }
  });

  it('two instances in one group, racing on copies of one new story, end with one cluster', async () => {
    const h = await stageHarness('deduprace', TOPICS.articleEnriched, TOPICS.articleDeduplicated, { KAFKA_TOPIC_PARTITIONS: '4' });
    const [a, b] = [await startDeduplicator(h.env), await startDeduplicator(h.env)];
    try {
      const s = STORIES[18];
      const variants = [
        s.paragraphs,
        s.paragraphs,
        ['BALTIMORE (AP) - ' + s.paragraphs[0], ...s.paragraphs.slice(1)],
        s.paragraphs.slice(0, 5),
        [...s.paragraphs, 'Follow us on social media for the latest updates.'],
        s.paragraphs.map((p) => p.replace(/"/g, '“')),
        [s.paragraphs[0], s.paragraphs[2], s.paragraphs[1], ...s.paragraphs.slice(3)],
        s.paragraphs.slice(0, 4),
      ];
      const copies = [0, 1, 2].flatMap((round) =>
        variants.map((v, i) => storyArticle(v, i % 2 ? s.alt : s.headline, { provider: `Outlet ${round}-${i}`, uri: `copy-${round}-${i}` })),
      );
      await h.publish(copies.map((m) => ({ key: m.article.uri, value: m })));
      await h.probe.waitForCount(h.topics.output, copies.length, 60_000);
      const out = verdicts(h);
      const clusters = new Set(out.map((m) => m.dedup.clusterId));
      expect(clusters.size).toBe(1);
      expect(out.filter((m) => m.dedup.status === 'original')).toHaveLength(1);
      const [cluster] = clusters;
      expect(out.find((m) => m.dedup.status === 'original')?.article.id).toBe(cluster);
    } finally {
      await Promise.all([a.app.close(), b.app.close()]);
      await h.probe.stop();
      await cleanup(h.env['MONGODB_URI']);
    }
  });
});
