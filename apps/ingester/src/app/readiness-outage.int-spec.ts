import type { INestApplication } from '@nestjs/common';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { askUntil, deduplicatedArticle, freePort, publishRaw, type PrivateStack, type Sample, scrapeMetrics, seriesOf, startPrivateStack, testEnv, valueOf } from '@newswire/testing';
import { startIngester } from '../bootstrap';
import { startStorage } from '../../../storage/src/bootstrap';

interface Probe {
  status: number;
  body: { status: string; info?: Record<string, unknown>; error?: Record<string, unknown> };
}

const probe = async (url: string): Promise<Probe> => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Probe['body'] };
};

/**
 * Readiness on a broker and a store of this test's own, taken away one after
 * the other while the services run: liveness stays up, readiness (and the
 * newswire_ready gauge) turns false naming the dependency that went.
 */
describe('readiness when the store and then the broker go away', () => {
  let stack: PrivateStack;
  let storage: INestApplication;
  let ingester: INestApplication;
  let stageUrl: string;
  let ingestUrl: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await startPrivateStack();
    const base = testEnv('readiness');
    const db = new URL(base['MONGODB_URI']).pathname;
    env = {
      // A plaintext broker of our own, whatever the suite's broker is.
      ...Object.fromEntries(Object.entries(base).filter(([k]) => !/^KAFKA_(SSL|SASL)/.test(k))),
      NEWSWIRE_ALLOW_INSECURE: 'kafka,store',
      KAFKA_BROKERS: stack.env['KAFKA_BROKERS'],
      MONGODB_URI: new URL(db, stack.env['MONGODB_URI']).toString(),
      SHUTDOWN_GRACE_MS: '5000',
    };
    const port = await freePort();
    storage = (await startStorage({ ...env, HEALTH_PORT: String(port) })).app;
    stageUrl = `http://127.0.0.1:${port}`;
    const started = await startIngester({ ...env, PORT: '0' });
    ingester = started.app;
    ingestUrl = started.url;
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([storage?.close(), ingester?.close()]);
    await stack?.stop();
  }, 120_000);

  it('is ready with every check up while broker and store answer', async () => {
    const message = deduplicatedArticle();
    await publishRaw(env['KAFKA_BROKERS'], physicalTopic(TOPICS.articleDeduplicated, env['KAFKA_TOPIC_NAMESPACE']), [{ key: message.article.uri, value: JSON.stringify(message) }], env);
    const ready = await askUntil('storage ready', () => probe(`${stageUrl}/health/ready`), (p) => p.status === 200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { consumer: { status: 'up' }, broker: { status: 'up' }, store: { status: 'up' } }, error: {} });
    expect((await probe(`${ingestUrl}/health/ready`)).status).toBe(200);
  });

  it('turns not ready naming the store when the store goes, stays live, and waits the work out', async () => {
    await stack.stopStore();
    const notReady = await askUntil('storage not ready', () => probe(`${stageUrl}/health/ready`), (p) => p.status === 503, 20_000);
    expect(notReady.body).toMatchObject({ status: 'error', error: { store: { status: 'down' } }, info: { consumer: { status: 'up' }, broker: { status: 'up' } } });
    expect(JSON.stringify(notReady.body)).not.toMatch(/127\.0\.0\.1|mongodb|ECONN/i);
    expect((await probe(`${stageUrl}/health/live`)).status).toBe(200);

    // Work arriving now is waited out (retried as an outage), never dead-lettered.
    const message = deduplicatedArticle();
    await publishRaw(env['KAFKA_BROKERS'], physicalTopic(TOPICS.articleDeduplicated, env['KAFKA_TOPIC_NAMESPACE']), [{ key: message.article.uri, value: JSON.stringify(message) }], env);
    const metrics = await askUntil(
      'an outage retry',
      async () => (await scrapeMetrics(stageUrl)).samples,
      (s: Sample[]) => seriesOf(s, 'newswire_messages_retried_total', { stage: 'storage', topic: TOPICS.articleDeduplicated, kind: 'outage' }).some((x) => x.value >= 1),
    );
    expect(valueOf(metrics, 'newswire_ready', { check: 'store' })).toBe(0);
    expect(valueOf(metrics, 'newswire_ready', { check: 'broker' })).toBe(1);
    expect(valueOf(metrics, 'newswire_dependency_outage_seconds', { stage: 'storage' })).toBeGreaterThan(0);
    expect(seriesOf(metrics, 'newswire_messages_dead_lettered_total')).toEqual([]);
  });

  it('turns not ready naming the broker when the broker goes, on the stage and on the ingester', async () => {
    await stack.stopKafka();
    const stage = await askUntil('storage reports the broker down', () => probe(`${stageUrl}/health/ready`), (p) => p.status === 503 && p.body.error?.['broker'] !== undefined, 20_000);
    expect(stage.body.error).toMatchObject({ broker: { status: 'down' }, store: { status: 'down' } });
    const ingest = await askUntil('ingester not ready', () => probe(`${ingestUrl}/health/ready`), (p) => p.status === 503, 20_000);
    expect(ingest.body).toMatchObject({ status: 'error', error: { broker: { status: 'down' } } });
    expect((await probe(`${ingestUrl}/health/live`)).status).toBe(200);
    expect((await probe(`${stageUrl}/health/live`)).status).toBe(200);
    const { samples } = await scrapeMetrics(stageUrl);
    expect(valueOf(samples, 'newswire_ready', { check: 'broker' })).toBe(0);
  });
});
