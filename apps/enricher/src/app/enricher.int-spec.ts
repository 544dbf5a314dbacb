import { type AddressInfo, createServer } from 'node:net';
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

describe('enricher health endpoints', () => {
  it('reports ready while consuming, and stops answering once stopped', async () => {
    const port = await freePort();
    const h = await stageHarness('enricher-health', TOPICS.articleReceived, TOPICS.articleEnriched, { HEALTH_PORT: String(port) });
    const enricher = await startEnricher(h.env);
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
    try {
      expect((await get('/health/live')).status).toBe(200);
      const ready = await get('/health/ready');
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', info: { consumer: { status: 'up' }, broker: { status: 'up' } }, error: {} });
    } finally {
      await enricher.app.close();
      await h.probe.stop();
    }
    await expect(get('/health/ready')).rejects.toThrow();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
