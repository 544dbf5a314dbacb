import type { INestApplication } from '@nestjs/common';
import { logLevel } from 'kafkajs';
import { kafkaFromEnv } from '@newswire/kafka';
import type { Connection } from 'mongoose';
import { type CanonicalArticle, physicalTopic, TOPICS } from '@newswire/contracts';
import { ConfigError } from '@newswire/config';
import { MONGO_CONNECTION } from '@newswire/mongo';
import { askUntil, postSigned, signedHeaders, testEnv, testSources, TopicProbe } from '@newswire/testing';
import { startIngester } from '../bootstrap';

type Sources = ReturnType<typeof testSources>;
const story = (uri: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ uri, headline: `Headline of ${uri}`, bodyText: `The body of ${uri}. It has two sentences.`, ...extra });
const json = async (res: Response) => (await res.json()) as { error?: string; message?: string; id?: string; statusCode?: number };
const now = () => Math.floor(Date.now() / 1000);

describe('signed ingest (production mode) on a real broker and store', () => {
  let app: INestApplication;
  let url: string;
  let probe: TopicProbe;
  let rawTopic: string;
  let s: Sources;
  let env: Record<string, string>;

  beforeAll(async () => {
    s = testSources([
      { id: 'acme', provider: 'ACME Wire', keys: 2 },
      { id: 'beta' },
      { id: 'limited', rateLimit: { perMinute: 1, burst: 2 } },
      { id: 'retired', enabled: false },
    ]);
    // One partition: "nothing else was published" can be read from arrival order.
    env = { ...testEnv('ingest-auth'), ...s.env, NEWSWIRE_DEV_MODE: 'false', PORT: '0', KAFKA_TOPIC_PARTITIONS: '1' };
    ({ app, url } = await startIngester(env));
    rawTopic = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [rawTopic], `${env['KAFKA_TOPIC_NAMESPACE']}-probe`).start();
  }, 60_000);

  afterAll(async () => {
    await probe?.stop();
    const db = app?.get<Connection>(MONGO_CONNECTION);
    await db?.dropDatabase();
    await app?.close();
  });

  const published = (id: string) => probe.on(rawTopic).filter((m) => (m.value as CanonicalArticle).id === id);
  /** A fresh story through the same single partition: once it arrives, everything published before it has too. */
  const barrier = async () => {
    const res = await postSigned(url, { source: s.sources['beta'], body: story(`urn:barrier:${Math.random()}`) });
    expect(res.status).toBe(202);
    const { id } = await json(res);
    await probe.waitFor(() => published(id as string).length === 1, 30_000, 'the barrier story');
  };

  it('accepts a validly signed story, attributed to the source whose key signed it', async () => {
    const res = await postSigned(url, { source: s.sources['acme'], body: story('urn:acme:1', { provider: 'Someone Else', publisher: 'Mallory Press' }) });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-newswire-replay')).toBeNull();
    const { id } = await json(res);
    await probe.waitFor(() => published(id as string).length === 1, 30_000, 'the signed story');
    const [message] = published(id as string);
    expect(message.key).toBe('acme|urn:acme:1');
    expect(message.value).toMatchObject({ provider: 'ACME Wire', publisher: 'Mallory Press', source: { id: 'acme', format: 'json' } });
  });

  it.each([
    ['a tampered body', (h: Record<string, string>) => ({ headers: h, body: story('urn:acme:tampered', { headline: 'Changed' }) }), 401, 'bad_signature'],
    ['a stale timestamp', () => ({ timestamp: now() - 301 }), 401, 'stale_timestamp'],
    ['a timestamp from the future', () => ({ timestamp: now() + 400 }), 401, 'stale_timestamp'],
    ['another source key', () => ({ secrets: s.sources['beta'].secrets }), 401, 'bad_signature'],
    ['no signature at all', () => ({ headers: { 'x-newswire-signature': '' } }), 401, 'missing_signature'],
    ['an unregistered source', () => ({ source: { id: 'nobody', secrets: s.sources['acme'].secrets } }), 401, 'unknown_source'],
    ['a disabled source', () => ({ source: s.sources['retired'] }), 403, 'source_disabled'],
    ['a delivery id with spaces', () => ({ deliveryId: 'not a valid id' }), 400, 'invalid_delivery_id'],
  ])('refuses %s with a stable code and publishes nothing', async (_case, change, status, code) => {
    const body = story('urn:acme:tampered');
    const base = { source: s.sources['acme'], body };
    const changed = change(signedHeaders(base));
    const res = await postSigned(url, { ...base, ...changed } as Parameters<typeof postSigned>[1]);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    if (status === 401) expect(res.headers.get('www-authenticate')).toContain('Newswire-HMAC-SHA256');
    expect(await json(res)).toMatchObject({ statusCode: status, error: code, message: expect.any(String) });
    await barrier();
    expect(probe.on(rawTopic).filter((m) => (m.value as CanonicalArticle).uri === 'urn:acme:tampered')).toEqual([]);
  });

  it('refuses an unsigned request outside development mode', async () => {
    const res = await fetch(`${url}/v1/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode(story('urn:anon:1')) });
    expect(res.status).toBe(401);
    expect(await json(res)).toMatchObject({ error: 'missing_signature' });
  });

  it('accepts the old and the new key during a rotation, alone or together', async () => {
    const [current, previous] = s.sources['acme'].secrets;
    for (const secrets of [[current], [previous], [previous, current]]) {
      const res = await postSigned(url, { source: s.sources['acme'], secrets, body: story(`urn:acme:rotation:${secrets.length}`) });
      expect(res.status).toBe(202);
    }
  });

  it('answers a replayed delivery with the original answer, and publishes one story', async () => {
    const deliveryId = `replay-${Date.now()}`;
    const sent = { source: s.sources['acme'], body: story('urn:acme:replayed'), deliveryId };
    const first = await postSigned(url, sent);
    expect(first.status).toBe(202);
    const firstBody = await json(first);
    // A retry re-signs with a new timestamp; an attacker's replay reuses the old one: both are the same delivery.
    const again = await postSigned(url, { ...sent, timestamp: now() + 1 });
    expect(again.status).toBe(202);
    expect(again.headers.get('x-newswire-replay')).toBe('true');
    expect(await json(again)).toEqual(firstBody);
    await barrier();
    expect(probe.on(rawTopic).filter((m) => (m.value as CanonicalArticle).uri === 'urn:acme:replayed')).toHaveLength(1);
    // The same delivery id from another source is another delivery.
    const beta = await postSigned(url, { source: s.sources['beta'], body: story('urn:beta:replayed'), deliveryId });
    expect(beta.status).toBe(202);
    expect(beta.headers.get('x-newswire-replay')).toBeNull();
  });

  it('replays a refusal too: the same bytes get the same 422', async () => {
    const sent = { source: s.sources['acme'], body: JSON.stringify({ uri: 'urn:acme:nobody', headline: 'No body' }), deliveryId: `refused-${Date.now()}` };
    const first = await postSigned(url, sent);
    expect(first.status).toBe(422);
    const again = await postSigned(url, sent);
    expect(again.status).toBe(422);
    expect(again.headers.get('x-newswire-replay')).toBe('true');
    expect(await json(again)).toEqual(await json(first));
  });

  it('lets only one of two concurrent copies of a delivery through: the other gets 409 or the same answer', async () => {
    const sent = { source: s.sources['acme'], body: story('urn:acme:concurrent'), deliveryId: `concurrent-${Date.now()}` };
    const answers = await Promise.all([postSigned(url, sent), postSigned(url, sent), postSigned(url, sent)]);
    const bodies = await Promise.all(answers.map(json));
    const accepted = answers.map((r, i) => ({ status: r.status, body: bodies[i], replay: r.headers.get('x-newswire-replay') }));
    expect(accepted.filter((a) => a.status === 202 && a.replay === null)).toHaveLength(1);
    const original = accepted.find((a) => a.status === 202 && a.replay === null)?.body;
    for (const other of accepted.filter((a) => !(a.status === 202 && a.replay === null))) {
      if (other.status === 409) {
        expect(other.body.error).toBe('delivery_in_progress');
        expect(Number(answers[accepted.indexOf(other)].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      } else {
        expect(other).toMatchObject({ status: 202, replay: 'true', body: original });
      }
    }
    await barrier();
    expect(probe.on(rawTopic).filter((m) => (m.value as CanonicalArticle).uri === 'urn:acme:concurrent')).toHaveLength(1);
  });

  it('limits a source to its rate with 429 and Retry-After, while another source is still accepted', async () => {
    const limited = s.sources['limited'];
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 3; i++) {
      const res = await postSigned(url, { source: limited, body: story(`urn:limited:${i}`) });
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await json(refused as Response)).toMatchObject({ error: 'rate_limited' });
    const other = await postSigned(url, { source: s.sources['acme'], body: story('urn:acme:while-limited') });
    expect(other.status).toBe(202);
  });

  it('is ready only while Kafka and the delivery store answer', async () => {
    const ready = await fetch(`${url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('x-powered-by')).toBeNull();
  });
});

describe('signed ingest: a delivery the broker did not acknowledge', () => {
  it('answers 503 without internal addresses and releases the claim, so the retry is processed', async () => {
    const s = testSources([{ id: 'acme' }]);
    const env: Record<string, string> = {
      ...testEnv('ingest-auth-5xx'),
      ...s.env,
      NEWSWIRE_DEV_MODE: 'false',
      PORT: '0',
      KAFKA_TOPIC_PARTITIONS: '1',
      INGEST_PUBLISH_TIMEOUT_MS: '1500',
    };
    const topic = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    const admin = kafkaFromEnv('test-admin', env, { logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const { app, url } = await startIngester(env);
    try {
      // The topic goes away under the running ingester: the broker cannot acknowledge anything for it.
      await admin.deleteTopics({ topics: [topic] });
      // deleteTopics returns once the controller accepts; the broker may still take a write until the topic leaves its metadata.
      await askUntil('the topic gone from the broker', () => admin.listTopics(), (topics) => !topics.includes(topic));
      const sent = { source: s.sources['acme'], body: story('urn:acme:lost', { bodyText: 'A body. '.repeat(20) }), deliveryId: 'lost-1' };
      const failed = await postSigned(url, sent);
      expect(failed.status).toBe(503);
      const text = await failed.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'broker_unavailable' });
      expect(text).not.toContain(env['KAFKA_BROKERS']);
      expect(text).not.toMatch(/topic|partition|kafka/i);

      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: false });
      // Not `waitForLeaders` (kafkajs's default is true): it gives up on the "does not host this topic-partition" a broker answers while
      // its metadata still forgets the deleted topic (CI-38). Asked until the new partition has a leader.
      const led = () => admin.fetchTopicMetadata({ topics: [topic] }).then((m) => m.topics[0]?.partitions.every((p) => p.leader >= 0) ?? false, () => false);
      await askUntil('the recreated topic has a leader', led, Boolean);
      const retried = await postSigned(url, sent);
      expect(retried.status).toBe(202);
      expect(retried.headers.get('x-newswire-replay')).toBeNull();
      const replayed = await postSigned(url, sent);
      expect(replayed.headers.get('x-newswire-replay')).toBe('true');
      expect(await json(replayed)).toEqual(await json(retried));
    } finally {
      await admin.disconnect();
      await app.get<Connection>(MONGO_CONNECTION).dropDatabase();
      await app.close();
    }
  });
});

describe('signed ingest: start-up and development mode', () => {
  const startFails = async (env: Record<string, string>) => {
    const err = await startIngester(env).then(
      async ({ app }) => {
        await app.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message;
  };

  it('refuses to start outside development mode without a source that can sign', async () => {
    const base = { ...testEnv('ingest-auth-start'), NEWSWIRE_DEV_MODE: 'false', PORT: '0' };
    expect(await startFails(base)).toContain('SOURCES_FILE: required');
    const onlyDisabled = testSources([{ id: 'retired', enabled: false }]);
    expect(await startFails({ ...base, ...onlyDisabled.env })).toContain('no enabled source with a push key');
    const unsetSecret = testSources([{ id: 'acme' }]);
    expect(await startFails({ ...base, SOURCES_FILE: unsetSecret.file })).toMatch(/"acme": push\.keys\[0\] "key-0": environment variable \S+ is not set/);
  });

  it('in development mode accepts unsigned requests as before and still verifies signed ones', async () => {
    const s = testSources([{ id: 'acme', provider: 'ACME Wire' }]);
    const { app, url } = await startIngester({ ...testEnv('ingest-auth-dev'), ...s.env, PORT: '0' });
    try {
      const unsigned = await fetch(`${url}/v1/articles`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(story('urn:dev:1', { provider: 'Body Wire' })),
      });
      expect(unsigned.status).toBe(202);
      const forged = await postSigned(url, { source: { id: 'acme', secrets: ['x'.repeat(40)] }, body: story('urn:dev:2') });
      expect(forged.status).toBe(401);
      expect(await json(forged)).toMatchObject({ error: 'bad_signature' });
      const signed = await postSigned(url, { source: s.sources['acme'], body: story('urn:dev:3') });
      expect(signed.status).toBe(202);
    } finally {
      await app.get<Connection>(MONGO_CONNECTION).dropDatabase();
      await app.close();
    }
  });

  it('in development mode without SOURCES_FILE refuses signed requests it cannot verify', async () => {
    const { app, url } = await startIngester({ ...testEnv('ingest-auth-dev-nofile'), PORT: '0' });
    try {
      const res = await postSigned(url, { source: { id: 'acme', secrets: ['x'.repeat(40)] }, body: story('urn:dev:4') });
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ error: 'unknown_source' });
    } finally {
      await app.close();
    }
  });

  it('is not ready once the delivery store is gone', async () => {
    const s = testSources([{ id: 'acme' }]);
    const { app, url } = await startIngester({ ...testEnv('ingest-auth-ready'), ...s.env, NEWSWIRE_DEV_MODE: 'false', PORT: '0' });
    try {
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      await app.get<Connection>(MONGO_CONNECTION).close();
      const res = await fetch(`${url}/health/ready`);
      expect(res.status).toBe(503);
      expect(await json(res)).toMatchObject({ status: 'error', info: { broker: { status: 'up' }, publishing: { status: 'up' } }, error: { store: { status: 'down' } } });
    } finally {
      await app.close();
    }
  });
});
