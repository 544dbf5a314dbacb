import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { deadLetterTopicOf, physicalTopic, type SourceHealthChanged, TOPICS } from '@newswire/contracts';
import { SOURCE_HEALTH_COLLECTION, type SourceHealthDoc } from '@newswire/feed-health';
import { connectMongo } from '@newswire/mongo';
import { askUntil, receivedArticle, testEnv, testKafka, TopicProbe } from '@newswire/testing';
import { startPoller, type StartedPoller } from '../../bootstrap';
import { HealthIntake } from './health-intake';

describe('feed health: two pollers counting a real received topic into the real store', () => {
  let pollers: StartedPoller[] = [];
  let probe: TopicProbe;
  let producer: Producer;
  let db: Connection;
  let dir: string;
  let received: string;
  let healthTopic: string;

  const health = (id: string) => db.db!.collection<SourceHealthDoc>(SOURCE_HEALTH_COLLECTION).findOne({ _id: id });
  const events = (source: string) => probe.on(healthTopic).map((m) => m.value as SourceHealthChanged).filter((e) => e.sourceId === source);
  /** A story from `source`, as the ingester or the poller publishes it, with an ANPA sequence number. */
  const send = async (source: string, sequence: number) => {
    const article = receivedArticle();
    const value = { ...article, uri: `urn:test:${source}:${sequence}`, source: { ...article.source, id: source, receivedAt: new Date().toISOString(), sequence: { series: 'a', number: sequence, wrapsAfter: 9999 } } };
    await producer.send({ topic: received, messages: [{ key: `${source}|${value.uri}`, value: JSON.stringify(value) }] });
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feed-health-'));
    writeFileSync(
      join(dir, 'sources.json'),
      JSON.stringify({
        sources: [
          { id: 'wire', name: 'A wire that sends every second or so', expectedCadence: 'PT2S', push: { keys: [{ id: 'k', secretEnv: 'UNUSED_KEY' }] } },
          { id: 'steady', name: 'Sends hourly', expectedCadence: 'PT1H', push: { keys: [{ id: 'k', secretEnv: 'UNUSED_KEY' }] } },
        ],
      }),
    );
    const env: Record<string, string> = { ...testEnv('feed-health'), SOURCES_FILE: join(dir, 'sources.json'), FEED_HEALTH_TICK_MS: '200', FEED_HEALTH_LEASE_TTL_MS: '3000' };
    received = physicalTopic(TOPICS.articleReceived, env['KAFKA_TOPIC_NAMESPACE']);
    healthTopic = physicalTopic(TOPICS.sourceHealth, env['KAFKA_TOPIC_NAMESPACE']);
    probe = await new TopicProbe(env['KAFKA_BROKERS'], [healthTopic], `${env['KAFKA_TOPIC_NAMESPACE']}-probe`).start();
    db = await connectMongo(env['MONGODB_URI']);
    pollers = [await startPoller(env), await startPoller(env)];
    producer = testKafka('feed-health-test', env['KAFKA_BROKERS']).producer();
    await producer.connect();
    // Evaluation starts once an instance's intake has joined its group; stories sent before are still read.
    await Promise.all(pollers.map((p) => p.app.get(HealthIntake).joined));
  });

  afterAll(async () => {
    await producer?.disconnect();
    for (const p of pollers) await p.app.close();
    await probe?.stop();
    await db?.dropDatabase();
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let lastSentAt = 0;

  it('counts stories, sequence numbers and dead letters per source', async () => {
    // A feed sending about every 250 ms across the wrap of its sequence (9997, 9998, 9999, 1, 2, ...) until
    // the store shows it healthy: until then its first evaluations may have judged it silent (it starts right
    // after the instances' intakes join, which may be before the first story is counted).
    let next = 9997;
    const doc = await askUntil(
      'the wire counted as healthy',
      async () => {
        await send('wire', next);
        lastSentAt = Date.now();
        next = (next % 9999) + 1;
        return health('wire');
      },
      (d) => d?.verdict?.status === 'ok' && d.verdict.storiesLastHour >= 3 && d.verdict.lastSequences[0]?.number < 9000,
    );
    expect(doc!.verdict).toMatchObject({ missingSequences: 0, lastSequences: [{ series: 'a' }] });
    await producer.send({ topic: physicalTopic(deadLetterTopicOf(TOPICS.articleReceived), pollers[0].config.KAFKA_TOPIC_NAMESPACE), messages: [{ key: 'steady|urn:x', value: 'not json', headers: { 'x-dlq-reason': 'invalid JSON' } }] });
    const steady = await askUntil('the dead letter counted', () => health('steady'), (d) => (d?.verdict?.parseFailuresLastHour ?? 0) >= 1);
    expect(steady!.verdict).toMatchObject({ status: 'ok', lastFailure: { reason: 'invalid JSON' } });
    // A first verdict of ok is no news.
    expect(events('steady')).toEqual([]);
  });

  it('raises the silent-feed event once when a source stops past its cadence, and ok again with its next story', async () => {
    const afterStop = () => events('wire').filter((e) => Date.parse(e.since) > lastSentAt);
    await probe.waitFor(() => afterStop().length > 0, 30_000, 'the silent event');
    const silent = afterStop();
    expect(silent).toHaveLength(1);
    expect(silent[0]).toMatchObject({ sourceId: 'wire', status: 'silent', previousStatus: 'ok', reason: expect.stringMatching(/^no story for \d+ s \(silent after its expected cadence, 2 s\)$/) });
    const since = Date.parse(silent[0].since);
    // Ten more evaluations while it stays silent (by either instance): still one event.
    const later = await askUntil('ten more evaluations', () => health('wire'), (d) => (d?.verdict?.evaluatedAt ?? 0) > since + 2_000);
    expect(later!.verdict).toMatchObject({ status: 'silent', since });
    expect(afterStop().map((e) => e.status)).toEqual(['silent']);
    const gauges = await pollers[0].telemetry.metrics.registry.getSingleMetricAsString('newswire_source_health_status');
    expect(gauges).toMatch(/newswire_source_health_status\{[^}]*source="wire",status="silent"[^}]*\} 1/);

    await send('wire', 100);
    await probe.waitFor(() => afterStop().length === 2, 30_000, 'the ok event');
    expect(afterStop().map((e) => [e.previousStatus, e.status])).toEqual([
      ['ok', 'silent'],
      ['silent', 'ok'],
    ]);
    // The event goes out before the verdict is saved (a failed save then repeats the event, never loses it): wait for the store.
    const recovered = await askUntil('the ok verdict stored', () => health('wire'), (d) => d?.verdict?.status === 'ok');
    expect(recovered!.verdict).toMatchObject({ status: 'ok', lastSequences: [{ series: 'a', number: 100 }] });
    // The hourly source never went silent.
    expect(events('steady')).toEqual([]);
  });
});
