import { type ArticleDeduplicated, HEADERS, TOPICS } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { enrichedArticle, stageHarness } from '@newswire/testing';
import { startDeduplicator } from '../bootstrap';

describe('deduplicator stage on a real broker and store', () => {
  it('marks a second copy of the same text as a duplicate of the first, and dead-letters invalid input', async () => {
    const h = await stageHarness('dedup', TOPICS.articleEnriched, TOPICS.articleDeduplicated, { KAFKA_TOPIC_PARTITIONS: '1' });
    const dedup = await startDeduplicator(h.env);
    try {
      const first = enrichedArticle();
      const copy = enrichedArticle();
      await h.publish([
        { key: 'x', value: { article: first.article } },
        { key: first.article.uri, value: first },
        { key: copy.article.uri, value: copy },
        { key: first.article.uri, value: first },
      ]);
      await h.probe.waitForCount(h.topics.output, 3);
      await h.probe.waitForCount(h.topics.dlq, 1);
      expect(h.probe.on(h.topics.dlq)[0].headers[HEADERS.dlqReason]).toContain('enrichment');
      const out = h.probe.on(h.topics.output).map((m) => m.value as ArticleDeduplicated);
      const verdictsOf = (id: string) => out.filter((m) => m.article.id === id).map((m) => m.dedup);
      // Both deliveries of the first article, the redelivery included, say "original".
      expect(verdictsOf(first.article.id)).toEqual([
        expect.objectContaining({ status: 'original', clusterId: first.article.id }),
        expect.objectContaining({ status: 'original', clusterId: first.article.id }),
      ]);
      expect(verdictsOf(copy.article.id)).toEqual([
        expect.objectContaining({ status: 'duplicate', method: 'exact', duplicateOf: first.article.id, clusterId: first.article.id }),
      ]);
    } finally {
      await dedup.app.close();
      await h.probe.stop();
      const db = await connectMongo(h.env['MONGODB_URI']);
      await db.dropDatabase();
      await db.close();
    }
  });
});
