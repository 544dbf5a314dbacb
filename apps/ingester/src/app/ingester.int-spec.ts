import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
    const env: Record<string, string> = { ...testEnv('ingester'), PORT: '0', MAX_BODY_BYTES: '8192', KAFKA_TOPIC_PARTITIONS: '1' };
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
    ['JSON without a body', '{"headline":"Only a title"}', 'application/json', 422, 'missing_body'],
    ['JSON without a headline', '{"bodyText":"Some text"}', 'application/json', 422, 'missing_headline'],
    ['XML declaring entities', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss>&a;</rss>', 'application/rss+xml', 422, 'unsafe'],
    ['text with a headline but no body', 'Only a headline', 'text/plain', 422, 'missing_body'],
  ])('refuses %s with a JSON error naming the problem', async (_case, body, type, status, code) => {
    const res = await post(body, type);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    const json = (await res.json()) as { error: string; message: string };
    expect(json.error).toBe(code);
    expect(json.message.length).toBeGreaterThan(5);
  });

  it('is live and ready once connected to Kafka', async () => {
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { broker: { status: 'up' }, publishing: { status: 'up' } }, error: {} });
  });

  it('names the missing field of a JSON article', async () => {
    const res = await post('{"bodyText":"Some text"}', 'application/json');
    const json = (await res.json()) as { message: string; details: { items: { code: string }[] } };
    expect(json.message).toContain('headline');
    expect(json.details.items).toEqual([expect.objectContaining({ code: 'missing_headline' })]);
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
    expect(first.key).toBe(`daily impact european|${accepted.uri}`);
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

describe('ingester wire formats', () => {
  let app: INestApplication;
  let url: string;
  const fixture = (path: string) => readFileSync(join(__dirname, '../../../../libs/wire-formats/src/fixtures', path));
  const post = (body: Buffer | string, contentType: string) =>
    fetch(`${url}/v1/articles`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': contentType } });

  beforeAll(async () => {
    ({ app, url } = await startIngester({ ...testEnv('ingester-formats'), PORT: '0' }));
  });

  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['nitf/story.xml', 'application/nitf+xml', 'nitf'],
    ['newsml-g2/news-message.xml', 'application/vnd.iptc.g2.newsmessage+xml', 'newsml-g2'],
    ['ninjs/v1-text.json', 'application/ninjs+json', 'ninjs'],
    ['ninjs/v3-data.json', 'application/json', 'ninjs'],
    ['atom/feed.atom', 'application/atom+xml', 'atom'],
    ['rss/feed.rss', 'application/xml', 'rss'],
    ['email/stringer.eml', 'message/rfc822', 'email'],
    ['email/stringer.eml', 'text/plain', 'email'],
    ['ritzau/queue.xml', 'application/xml', 'ritzau-xml'],
    ['json-feed/feed.json', 'application/feed+json', 'json-feed'],
  ])('accepts %s sent as %s and reports each item', async (path, type, format) => {
    const res = await post(fixture(path), type);
    expect(res.status).toBe(202);
    const report = (await res.json()) as { format: string; accepted: number; items: { status: string; id?: string }[] };
    expect(report.format).toBe(format);
    expect(report.accepted).toBeGreaterThanOrEqual(1);
    expect(report.items.filter((i) => i.status === 'accepted').every((i) => typeof i.id === 'string')).toBe(true);
  });

  it('reports a feed item that cannot be read next to the ones accepted', async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><guid>a</guid><title>First story</title><description>Body of the first story.</description></item>
      <item><guid>b</guid></item>
      <item><guid>c</guid><title>Third story</title><description>Body of the third story.</description></item>
    </channel></rss>`;
    const res = await post(feed, 'application/rss+xml');
    expect(res.status).toBe(202);
    const report = (await res.json()) as { status: string; accepted: number; rejected: number; items: { index: number; status: string; code?: string }[] };
    expect(report).toMatchObject({ status: 'partial', accepted: 2, rejected: 1 });
    expect(report.items[1]).toMatchObject({ index: 1, status: 'rejected' });
    expect(report.items[1].code).toMatch(/missing_headline|missing_body/);
  });

  it('refuses a NewsML-G2 package as not a story, and a billion-laughs document as unsafe', async () => {
    const pkg = `<?xml version="1.0"?><packageItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p1" version="1"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta></packageItem>`;
    const notStory = await post(pkg, 'application/xml');
    expect(notStory.status).toBe(422);
    expect(((await notStory.json()) as { error: string }).error).toBe('not_a_story');
    const bomb = await post(fixture('malicious/billion-laughs.xml'), 'application/xml');
    expect(bomb.status).toBe(422);
    expect(((await bomb.json()) as { error: string }).error).toBe('unsafe');
  });
});
