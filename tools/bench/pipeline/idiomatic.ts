/**
 * The idiomatic baseline (bench/idiomatic): compiled with its own tsconfig,
 * run as four processes (ingester, enricher, dedup, storage) on the same
 * broker and store as the pipeline, in a database of its own, and driven
 * with the same stories over HTTP.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createTestTopics, ServiceProcess } from '@newswire/testing';
import { freePorts } from '../../faults/harness/infra';
import type { BenchStory } from './corpus';
import { type PhaseResult, runPhase } from './phase';
import { type MeteredProcess, ProcessMeter } from './process-meter';
import { StoredWatch } from './stored-watch';

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'dist/bench/idiomatic/main.js');
const STAGES = ['ingester', 'enricher', 'dedup', 'storage'] as const;

export function compileIdiomatic(): void {
  const res = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'bench/idiomatic/tsconfig.json')], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('bench/idiomatic did not compile');
}

export interface IdiomaticOptions {
  brokers: string;
  mongoUri: string;
  partitions: number;
  warmup: BenchStory[];
  stories: BenchStory[];
  concurrency: number;
  logDir: string;
  infra: MeteredProcess[];
  log: (text: string) => void;
}

export async function runIdiomatic(o: IdiomaticOptions): Promise<PhaseResult> {
  const ns = `bench-idiomatic-${Date.now().toString(36)}`;
  const topics = ['received', 'enriched', 'deduplicated', 'stored'].map((t) => `${ns}.article.${t}`);
  const kafka = new Kafka({ brokers: o.brokers.split(','), clientId: ns, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, topics.map((topic) => ({ topic, numPartitions: o.partitions })));
  await admin.disconnect();

  const [port] = await freePorts(1);
  const db = new URL(o.mongoUri);
  db.pathname = `/${ns.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  const env = { KAFKA_BROKERS: o.brokers, MONGODB_URI: db.toString(), IDIOMATIC_NAMESPACE: ns, PORT: String(port) };
  const services = STAGES.map(
    (stage) =>
      new ServiceProcess(`idiomatic-${stage}`, { ...env, IDIOMATIC_STAGE: stage }, stage === 'ingester' ? /idiomatic ingester listening/ : /idiomatic \w+ consuming/, {
        command: { cwd: ROOT, args: [MAIN] },
        logFile: join(o.logDir, `idiomatic-${stage}.log`),
      }),
  );
  try {
    await Promise.all(services.map((s) => s.start(120_000)));
    const watch = await new StoredWatch(o.brokers, topics[topics.length - 1]).start();
    const meter = new ProcessMeter([
      ...services.map((s, i): MeteredProcess => ({ label: `idiomatic-${STAGES[i]}`, role: 'service', pid: () => s.pid })),
      ...o.infra,
      { label: 'bench', role: 'load', pid: () => process.pid },
    ]);
    const url = `http://127.0.0.1:${port}`;
    const phase = (name: string, stories: BenchStory[]) => runPhase({ name, url, stories, concurrency: o.concurrency, watch, meter, stallMs: 120_000, log: o.log });
    try {
      if (o.warmup.length) await phase('idiomatic warm-up', o.warmup);
      return await phase('idiomatic', o.stories);
    } finally {
      await watch.stop();
    }
  } finally {
    await Promise.all(services.map((s) => s.stop()));
  }
}
