import { type ArticleEnriched, HEADERS, storyKeyOf, TOPICS } from '@newswire/contracts';
import { receivedArticle, stageHarness } from '@newswire/testing';
import { startEnricher } from '../bootstrap';

describe('enricher stage on a real broker', () => {
  it('enriches articles, dead-letters invalid ones with the reason and keeps consuming', async () => {
    const h = await stageHarness('enricher', TOPICS.articleReceived, TOPICS.articleEnriched);
    const enricher = await startEnricher(h.env);
    try {
      const article = receivedArticle();
      await h.publish([{ key: 'bad', value: { ...article, headline: '' } }, { key: article.uri, value: article }]);
      await h.probe.waitForCount(h.topics.dlq, 1);
      await h.probe.waitForCount(h.topics.output, 1);
      expect(h.probe.on(h.topics.dlq)[0].headers[HEADERS.dlqReason]).toContain('headline');
      const [out] = h.probe.on(h.topics.output);
      const enriched = out.value as ArticleEnriched;
      expect(out.key).toBe(storyKeyOf(article));
      expect(enriched.article.id).toBe(article.id);
      expect(enriched.enrichment.language).toBe('en');
      expect(enriched.enrichment.wordCount).toBeGreaterThan(300);
      expect(enriched.enrichment.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Vladimir Putin', 'Miguel Diaz-Canel']));
    } finally {
      await enricher.app.close();
      await h.probe.stop();
    }
  });
});
