/**
 * B1, the broker-path ceiling: the same messages through the same hops as
 * the pipeline (received -> enriched -> deduplicated -> stored: three
 * relays, each a process doing eachBatch + sendBatch with acks=all and a
 * commit per batch, no processing), on the same broker and partitions.
 * Each message carries `x-ingested-at` from the producer, so the stored
 * topic's record time gives a per-message latency as for the pipeline.
 */
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { physicalTopic, TELEMETRY_HEADERS, TOPICS } from '@newswire/contracts';
import { createTestTopics, ServiceProcess } from '@newswire/testing';
import type { BenchStory } from './corpus';
import type { PhaseResult } from './phase';
import { type MeteredProcess, ProcessMeter } from './process-meter';
import { percentiles } from './stats';
import { StoredWatch } from './stored-watch';

const HOPS = [TOPICS.articleReceived, TOPICS.articleEnriched, TOPICS.articleDeduplicated, TOPICS.articleStored];
const RELAY = join(__dirname, 'b1-relay.cjs');
const ROOT = join(__dirname, '../../..');

export interface B1Options {
  brokers: string;
  partitions: number;
  stories: BenchStory[];
  logDir: string;
  /** The broker (and anything else shared) to meter beside the relays. */
  infra: MeteredProcess[];
  log: (text: string) => void;
}

export async function runB1(o: B1Options): Promise<PhaseResult> {
  const ns = `bench-b1-${Date.now().toString(36)}`;
  const topics = HOPS.map((t) => physicalTopic(t, ns));
  const kafka = new Kafka({ brokers: o.brokers.split(','), clientId: ns, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, topics.map((topic) => ({ topic, numPartitions: o.partitions })));
  await admin.disconnect();

  const relays = topics.slice(0, -1).map(
    (from, i) =>
      new ServiceProcess(`b1-relay-${i + 1}`, {}, /relay ready/, {
        command: { cwd: ROOT, args: [RELAY, o.brokers, from, topics[i + 1], `${ns}-relay-${i + 1}`] },
        logFile: join(o.logDir, `b1-relay-${i + 1}.log`),
      }),
  );
  await Promise.all(relays.map((r) => r.start()));
  const watch = await new StoredWatch(o.brokers, topics[topics.length - 1]).start();
  const meter = new ProcessMeter([
    ...relays.map((r, i): MeteredProcess => ({ label: `relay-${i + 1}`, role: 'service', pid: () => r.pid })),
    ...o.infra,
    { label: 'bench', role: 'load', pid: () => process.pid },
  ]);
  const producer = kafka.producer();
  await producer.connect();
  // The watch keys on `articleId`: the story's uri, spliced into the same JSON.
  const messagesOf = (stories: BenchStory[], tag = '') =>
    stories.map((s) => ({ key: s.uri, value: `{"articleId":${JSON.stringify(tag + s.uri)},${s.body.slice(1)}` }));
  const produce = async (messages: { key: string; value: string }[]) => {
    const chunks: (typeof messages)[] = [];
    for (let i = 0; i < messages.length; i += 100) chunks.push(messages.slice(i, i + 100));
    const send = async () => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        const at = String(Date.now());
        await producer.send({ topic: topics[0], acks: -1, messages: chunk.map((m) => ({ ...m, headers: { [TELEMETRY_HEADERS.ingestedAt]: at } })) });
      }
    };
    await Promise.all([send(), send(), send(), send()]);
  };
  try {
    // Warm-up: connections, metadata and the relays' first fetches, outside the measurement.
    const warm = o.stories.slice(0, Math.min(100, o.stories.length));
    await produce(messagesOf(warm, 'warm-up:'));
    await watch.waitFor(warm.map((s) => `warm-up:${s.uri}`), 60_000);
    const repeatedBefore = watch.repeated;
    o.log(`b1: ${o.stories.length} messages through ${relays.length} relays`);
    meter.start();
    const started = Date.now();
    const messages = messagesOf(o.stories);
    await produce(messages);
    const producedMs = Date.now() - started;
    const ids = o.stories.map((s) => s.uri);
    const { missing } = await watch.waitFor(ids, 60_000);
    const usage = meter.read();
    const events = ids.flatMap((id) => watch.events.get(id) ?? []);
    const seconds = (events.reduce((last, e) => Math.max(last, e.storedAt), started) - started) / 1000;
    return {
      name: 'b1',
      sent: messages.length,
      accepted: messages.length,
      stored: events.length,
      seconds,
      storedPerSecond: seconds > 0 ? events.length / seconds : 0,
      acceptedPerSecond: messages.length / (producedMs / 1000),
      status503: 0,
      latency: percentiles(events.flatMap((e) => (e.ingestedAt === undefined ? [] : [e.storedAt - e.ingestedAt]))),
      usage,
      missing,
      repeatedEvents: watch.repeated - repeatedBefore,
      outcomes: {},
      pairsFound: { exact: { found: 0, of: 0 }, near: { found: 0, of: 0 } },
      idsByUri: new Map(),
    };
  } finally {
    await producer.disconnect();
    await watch.stop();
    await Promise.all(relays.map((r) => r.stop()));
  }
}
