/**
 * Where a story's time goes between ingest and stored, hop by hop, at a
 * fixed rate: the four built services on a private local stack (their own
 * Kafka and FerretDB), a warm-up, then bench stories (tools/bench/pipeline/corpus)
 * posted at `--rate` per second. Each hop is timed from the Kafka record
 * timestamps of one article on the topics before and after it (ingest: its
 * `x-ingested-at`), so a latency change can be judged per stage.
 *
 * On a shared machine the speed can change between runs minutes apart; judge
 * a change by alternating runs of the old and new build, not by one pair.
 *
 *   npm run bench:hops [-- --rate=50] [--count=1500] [--warmup=400] [--no-build] [--dir=<folder>]
 *
 * Last line: `hops: received=P50/P99 enriched=P50/P99 deduplicated=P50/P99 stored=P50/P99 e2e=P50/P99` (ms).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { physicalTopic, TELEMETRY_HEADERS, TOPICS } from '@newswire/contracts';
import { PrivateInfra } from '../faults/harness/infra';
import { Pipeline } from '../faults/harness/pipeline';
import { sentencePool } from '../faults/harness/stories';
import { Traffic } from '../faults/harness/traffic';
import { buildCorpus } from './pipeline/corpus';
import { percentile } from './pipeline/stats';
import { buildServices } from '../faults/harness/build-services';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const num = (name: string, def: number) => {
  const raw = option(name);
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}=${raw}: a positive number, please`);
  return n;
};
const rate = num('rate', 50);
const count = Math.round(num('count', 1500));
const warmup = Math.round(num('warmup', 400));
const started = Date.now();
const log = (text: string) => process.stderr.write(`[bench:hops +${((Date.now() - started) / 1000).toFixed(0)}s] ${text}\n`);

/** The hops in order: the topic a story leaves and the one it reaches ('ingest' is its x-ingested-at). */
const HOPS = [
  { name: 'received', from: 'ingest', to: TOPICS.articleReceived },
  { name: 'enriched', from: TOPICS.articleReceived, to: TOPICS.articleEnriched },
  { name: 'deduplicated', from: TOPICS.articleEnriched, to: TOPICS.articleDeduplicated },
  { name: 'stored', from: TOPICS.articleDeduplicated, to: TOPICS.articleStored },
  { name: 'e2e', from: 'ingest', to: TOPICS.articleStored },
] as const;

/** Article id -> where it was seen ('ingest' or a topic) -> first time, ms. */
type Seen = Map<string, Map<string, number>>;

/** The article a record is about: the received topic carries the article itself, later ones wrap it or name it. */
const idOf = (value: { id?: string; article?: { id?: string }; articleId?: string }) => value.article?.id ?? value.articleId ?? value.id;

async function records(admin: Admin, topic: string): Promise<number> {
  return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
}

/** Reads a topic from the start to its current end, noting each article's first record time. */
async function readTopic(kafka: Kafka, admin: Admin, topic: string, logical: string, seen: Seen): Promise<void> {
  const want = await records(admin, topic);
  if (want === 0) return;
  const consumer = kafka.consumer({ groupId: `${topic}-hops-reader-${Date.now().toString(36)}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let read = 0;
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        read += 1;
        const id = message.value ? idOf(JSON.parse(message.value.toString('utf8'))) : undefined;
        if (id) {
          const times = seen.get(id) ?? new Map<string, number>();
          if (!times.has(logical)) times.set(logical, Number(message.timestamp));
          // Milliseconds since the epoch, set by the ingester and carried by every stage.
          const ingested = Number(message.headers?.[TELEMETRY_HEADERS.ingestedAt]?.toString());
          if (ingested > 0 && !times.has('ingest')) times.set('ingest', ingested);
          seen.set(id, times);
        }
        if (read >= want) resolve();
      },
    });
  });
  await consumer.disconnect();
}


async function main(): Promise<void> {
  if (!args.includes('--no-build')) buildServices();
  const dir = option('dir') ?? join(tmpdir(), 'newswire-bench-hops', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const runId = Date.now().toString(36);
  const namespace = `hops-${runId}`;
  const infra = await PrivateInfra.single(join(dir, 'state'));
  const pipeline = new Pipeline({ logDir: join(dir, 'logs'), brokers: infra.brokers, mongoUri: infra.mongoUri, namespace, env: { KAFKA_TOPIC_PARTITIONS: '3' } });
  const kafka = new Kafka({ brokers: [infra.brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  try {
    log(`work folder ${dir}; rate ${rate}/s, ${count} stories after a warm-up of ${warmup}`);
    await pipeline.start();
    await admin.connect();
    const pool = sentencePool();
    const corpus = (phase: string, n: number, seed: number, share: number) =>
      buildCorpus(pool, { count: n, exactShare: share, nearShare: share, seed, uriPrefix: `urn:hops:${runId}:${phase}`, provider: 'Bench Wire' });
    // The warm-up starts the stores' caches and the JIT; it is posted slower and left out of the figures.
    const warm = new Traffic(() => pipeline.url, { stories: corpus('warmup', warmup, 9, 0), concurrency: 8, ratePerSecond: Math.min(25, rate) }).start();
    await warm.finish();
    const measuredFrom = Date.now();
    log(`warm-up done; posting ${count} stories at ${rate}/s`);
    const traffic = new Traffic(() => pipeline.url, { stories: corpus('measured', count, 1, 0.1), concurrency: 16, ratePerSecond: rate }).start();
    await traffic.finish();
    const accepted = warm.stats().accepted + traffic.stats().accepted;
    const stored = physicalTopic(TOPICS.articleStored, namespace);
    const deadline = Date.now() + 300_000;
    // A bench, not a test: the stored topic is polled until every accepted story has its stored event.
    while ((await records(admin, stored)) < accepted) {
      if (Date.now() > deadline) throw new Error('not every story was stored within 5 minutes');
      await sleep(500);
    }
    log('every story stored; reading the topics');
    const seen: Seen = new Map();
    for (const logical of [TOPICS.articleReceived, TOPICS.articleEnriched, TOPICS.articleDeduplicated, TOPICS.articleStored]) {
      await readTopic(kafka, admin, physicalTopic(logical, namespace), logical, seen);
    }
    const measured = [...seen.values()].filter((t) => (t.get('ingest') ?? 0) >= measuredFrom);
    const summary: string[] = [];
    console.log(`hop (ms)          n      p50    p90    p99    max      at ${rate} stories/s, ${count} stories`);
    for (const hop of HOPS) {
      const ms = measured.filter((t) => t.has(hop.from) && t.has(hop.to)).map((t) => (t.get(hop.to) as number) - (t.get(hop.from) as number));
      const sorted = [...ms].sort((a, b) => a - b);
      const q = (p: number) => Math.round(percentile(sorted, p / 100));
      console.log(`${hop.name.padEnd(16)}  ${String(ms.length).padEnd(5)}  ${String(q(50)).padEnd(5)}  ${String(q(90)).padEnd(5)}  ${String(q(99)).padEnd(5)}  ${sorted[sorted.length - 1] ?? 0}`);
      summary.push(`${hop.name}=${q(50)}/${q(99)}`);
    }
    console.log(`hops: ${summary.join(' ')}`);
  } finally {
    await admin.disconnect().catch(() => undefined);
    await pipeline.stop().catch(() => undefined);
    await infra.stop().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
