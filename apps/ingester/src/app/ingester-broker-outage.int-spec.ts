import type { INestApplication } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { kafkaFromEnv } from '@newswire/kafka';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { testEnv } from '@newswire/testing';
import { startIngester } from '../bootstrap';

/**
 * A broker that cannot acknowledge: the topic is deleted under the running
 * ingester, so every produce is answered UNKNOWN_TOPIC_OR_PARTITION, which
 * kafkajs retries for about a minute. Senders used to wait all that time;
 * now they get a 503 within INGEST_PUBLISH_TIMEOUT_MS.
 */
describe('ingester when Kafka does not acknowledge', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const env: Record<string, string> = { ...testEnv('ingester-outage'), PORT: '0', INGEST_PUBLISH_TIMEOUT_MS: '1500' };
    ({ app, url } = await startIngester(env));
    const admin = kafkaFromEnv('test-admin', env, { logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE'])] });
    await admin.disconnect();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers 503 within the publish timeout, says when to retry, names no internal address, and turns not ready', async () => {
    const started = Date.now();
    const res = await fetch(`${url}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uri: 'urn:test:outage', headline: 'Markets rally', bodyText: 'Stocks rose on Monday.' }),
    });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(503);
    expect(elapsed).toBeLessThan(5_000);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('x-powered-by')).toBeNull();
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ statusCode: 503, error: 'broker_unavailable' });
    expect(body).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b|topic|partition|kafkajs/i);

    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'error', info: { broker: { status: 'up' } }, error: { publishing: { status: 'down' } } });
  });
});
