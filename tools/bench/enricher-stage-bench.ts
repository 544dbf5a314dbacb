/**
 * Articles per second through the whole enricher stage (Kafka in, enrichment,
 * Kafka out), run from its built bundle with one worker process and then with
 * one per core, in the same run: does the stage use both cores?
 *
 *   npx nx run enricher:build && npm run bench:enricher-stage [-- --articles=4000 --pipeline-corpus --semi-space=16]
 *
 * Throughput is measured between the first and the last enriched message, so
 * process start-up and group joins are left out.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { logLevel } from 'kafkajs';
import { physicalTopic, storyKeyOf, TOPICS } from '@newswire/contracts';
import { kafkaFromEnv } from '@newswire/kafka';
import { createTestTopics } from '@newswire/testing';
import { newArticleId, toCanonical } from '@newswire/wire-formats';
import { wireSizeArticles } from './pipeline/corpus';
import { childrenOf, cpuMsOf } from './pipeline/process-meter';
import { sentencePool } from '../faults/harness/stories';

// Plain CommonJS shared with npm start and the images.
const { heapFlagsOf, mallocEnvOf } = require(join(__dirname, '../../deploy/node-heap.js')) as {
  heapFlagsOf: (app: string) => string[];
  mallocEnvOf: (app: string) => Record<string, string>;
};

const arg = (name: string, def: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const ARTICLES = Number(arg('articles', '4000'));
const BROKERS = process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const PARTITIONS = 6;
const ROOT = join(__dirname, '../..');

function corpus(): { headline: string; bodyText: string }[] {
  // The pipeline benchmark's 3-5 KB articles: the size wire stories have, and what the enricher sees in bench:pipeline.
  if (process.argv.includes('--pipeline-corpus'))
    return wireSizeArticles(sentencePool(), 1500, 1);
  return readFileSync(join(ROOT, 'libs/enrichment/eval/entities.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { headline: string; bodyText: string });
}

async function run(workers: number): Promise<{ perSecond: number; cpuMsPerArticle: number }> {
  const ns = `bench-enricher-${workers}-${Date.now().toString(36)}`;
  // KAFKA_SSL* / KAFKA_SASL* reach both this client and the enricher (it inherits the environment).
  const kafka = kafkaFromEnv(ns, { ...process.env, KAFKA_BROKERS: BROKERS }, { logLevel: logLevel.NOTHING });
  const [input, output] = [physicalTopic(TOPICS.articleReceived, ns), physicalTopic(TOPICS.articleEnriched, ns)];
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, [input, output].map((topic) => ({ topic, numPartitions: PARTITIONS })));
  await admin.disconnect();

  const texts = corpus();
  const producer = kafka.producer();
  await producer.connect();
  for (let i = 0; i < ARTICLES; i += 500) {
    const messages = Array.from({ length: Math.min(500, ARTICLES - i) }, (_, j) => {
      const text = texts[(i + j) % texts.length];
      const article = toCanonical({ ...text, uri: `urn:bench:${i + j}` }, { id: newArticleId(), format: 'plaintext', receivedAt: new Date() });
      return { key: storyKeyOf(article), value: JSON.stringify(article) };
    });
    await producer.send({ topic: input, acks: -1, messages });
  }
  await producer.disconnect();

  let first = 0;
  let last = 0;
  let seen = 0;
  // CPU of the enricher and its workers between the first and the last enriched message (start-up left out).
  // The enricher's pid, known once it is spawned below (the consumer starts first so no output is missed).
  const started: { pid?: number } = {};
  const cpuNow = () => (started.pid === undefined ? 0 : [started.pid, ...childrenOf(started.pid)].reduce((sum, p) => sum + (cpuMsOf(p) ?? 0), 0));
  let cpuFirst = 0;
  let cpuLast = 0;
  const consumer = kafka.consumer({ groupId: `${ns}-probe`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: output, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        const now = performance.now();
        if (seen === 0) {
          first = now;
          cpuFirst = cpuNow();
        }
        seen += batch.messages.length;
        last = now;
        if (seen >= ARTICLES) cpuLast = cpuNow();
        if (seen >= ARTICLES) resolve();
      },
    });
  });

  // The service's heap budget and allocator settings as npm start and the images give them; --semi-space=N tries another young
  // generation.
  const semiSpace = arg('semi-space', '');
  const heap = heapFlagsOf('enricher').map((flag) => (semiSpace && flag.startsWith('--max-semi-space-size=') ? `--max-semi-space-size=${semiSpace}` : flag));
  const enricher = spawn(process.execPath, [...heap, join(ROOT, 'dist/apps/enricher/main.js')], {
    env: { ...mallocEnvOf('enricher'), ...process.env, KAFKA_BROKERS: BROKERS, KAFKA_TOPIC_NAMESPACE: ns, KAFKA_TOPIC_PARTITIONS: String(PARTITIONS), ENRICHER_WORKERS: String(workers), LOG_LEVEL: 'warn', NEWSWIRE_DEV_MODE: 'true' },
    stdio: 'ignore',
  });
  started.pid = enricher.pid;
  await done;
  enricher.kill('SIGTERM');
  await new Promise((resolve) => enricher.once('exit', resolve));
  await consumer.disconnect();
  return { perSecond: ((seen - 1) / (last - first)) * 1000, cpuMsPerArticle: (cpuLast - cpuFirst) / (seen - 1) };
}

async function main() {
  const cores = availableParallelism();
  const one = await run(1);
  console.log(`1 worker:  ${one.perSecond.toFixed(0)} articles/s, ${one.cpuMsPerArticle.toFixed(2)} CPU ms/article`);
  const many = await run(cores);
  console.log(`${cores} workers: ${many.perSecond.toFixed(0)} articles/s  (${(many.perSecond / one.perSecond).toFixed(2)}x), ${many.cpuMsPerArticle.toFixed(2)} CPU ms/article`);
  console.log(`enricher-stage-articles-per-s: workers1=${one.perSecond.toFixed(0)} workers${cores}=${many.perSecond.toFixed(0)} cpu-ms=${one.cpuMsPerArticle.toFixed(2)}/${many.cpuMsPerArticle.toFixed(2)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
