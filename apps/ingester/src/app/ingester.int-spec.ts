import type { INestApplication } from '@nestjs/common';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { referenceSample, testEnv, TopicProbe } from '@newswire/testing';
import { startIngester } from '../bootstrap';

describe('ingester HTTP API', () => {
  let app: INestApplication;
  let url: string;
  let probe: TopicProbe;
  let rawTopic: string;

  beforeAll(async () => {
    // One partition so "nothing else was published" can be read from arrival order.
    const env = { ...testEnv('ingester'), PORT: '0', MAX_BODY_BYTES: '8192', KAFKA_TOPIC_PARTITIONS: '1' };
    ({ app, url } = await startIngester(env));
    rawTopic = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [rawTopic], `${env['KAFKA_TOPIC_NAMESPACE']}-probe`).start();
  });

  afterAll(async () => {
    await probe?.stop();
    await app?.close();
  });

  // Bytes, not a string: fetch would otherwise add its own text/plain content type.
  const post = (body: string, contentType?: string) =>
    fetch(`${url}/v1/articles`, {
      method: 'POST',
      body: new TextEncoder().encode(body),
      headers: contentType ? { 'content-type': contentType } : {},
    });

  it.each([
    ['an empty body', '', 'text/plain', 400, 'empty_body'],
    ['no content type', 'hello', undefined, 415, 'missing_content_type'],
    ['an unsupported content type', 'hello', 'application/pdf', 415, 'unsupported_media_type'],
    ['a body over the limit', 'x'.repeat(9000), 'text/plain', 413, 'payload_too_large'],
    ['invalid JSON', '{"headline": ', 'application/json', 400, 'invalid_json'],
    ['JSON without a body', '{"headline":"Only a title"}', 'application/json', 422, 'invalid_article'],
    ['JSON without a headline', '{"bodyText":"Some text"}', 'application/json', 422, 'invalid_article'],
    ['text with a headline but no body', 'Only a headline', 'text/plain', 422, 'missing_body'],
  ])('refuses %s with a JSON error naming the problem', async (_case, body, type, status, code) => {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = (await res.json()) as { error: string; message: string };
    expect(json.error).toBe(code);
    expect(json.message.length).toBeGreaterThan(5);
  });

  it('names the missing field of a JSON article', async () => {
    const res = await post('{"bodyText":"Some text"}', 'application/json');
    const json = (await res.json()) as { details: { issues: { path: string }[] } };
    expect(json.details.issues.map((i) => i.path)).toContain('headline');
  });

  it('accepts the reference sample as text, answers 202 with the id, publishes it and nothing else', async () => {
    const res = await post(referenceSample(), 'text/plain; charset=utf-8');
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { id: string; uri: string; topic: string };
    expect(accepted.topic).toBe(TOPICS.articleReceived);
    await probe.waitFor((ms) => ms.some((m) => (m.value as { id: string }).id === accepted.id), 30_000, 'the accepted article');
    const [first] = probe.on(rawTopic);
    expect(first.value).toMatchObject({
      id: accepted.id,
      headline: 'Washington sanctions Havana: Russia and Cuba are strategic allies',
      publisher: 'Daily Impact European',
      source: { format: 'plaintext', contentType: 'text/plain' },
    });
    expect(first.key).toBe(accepted.uri);
    // Every refused request above came first on the single partition: none of them reached the topic.
    expect(probe.on(rawTopic)).toHaveLength(1);
  });

  it('accepts a canonical JSON article and keeps the sender uri', async () => {
    const res = await post(
      JSON.stringify({ uri: 'urn:agency:story:42', headline: 'Markets rally', bodyText: 'Stocks rose on Monday.', language: 'en' }),
      'application/json',
    );
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { id: string; uri: string };
    expect(accepted.uri).toBe('urn:agency:story:42');
    await probe.waitFor((ms) => ms.some((m) => (m.value as { id: string }).id === accepted.id));
    const message = probe.on(rawTopic).find((m) => (m.value as { id: string }).id === accepted.id);
    expect(message?.value).toMatchObject({ uri: 'urn:agency:story:42', source: { format: 'json' }, pubStatus: 'usable' });
  });
});
