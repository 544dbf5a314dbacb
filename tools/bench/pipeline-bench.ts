/**
 * The whole pipeline on a private local stack (its own Kafka and FerretDB,
 * ports and state folder), with a realistic corpus: distinct 3-5 KB
 * articles of real wire copy and a share of exact and near re-sends under
 * new uris. In one run:
 *
 *  - B1: raw kafkajs relays through the same hops, no processing (the broker-path ceiling);
 *  - the idiomatic NestJS baseline (bench/idiomatic) on the same stories;
 *  - the four built services at saturation (stories posted as fast as the ingester accepts them),
 *    then at fixed rates of 50% and 80% of the saturation rate;
 *  - exactly once: every accepted story recorded once in the archive.
 *
 * Per phase: stored articles/s, ingest-to-stored p50/p95/p99 (each story's
 * `x-ingested-at` against its stored event's `storedAt`), CPU ms per article
 * and peak RSS per process (Kafka and FerretDB included; the enricher's
 * forked workers each on their own row), and the box limit: cores x 1000 /
 * (CPU ms per article over every process but the load generator).
 *
 *   npm run bench:pipeline [-- --count=4000] [--quick] [--preload=N] [--dir=<folder>] [--keep] [--no-build]
 *                          [--exact=0.1] [--near=0.1] [--concurrency=32] [--rate-seconds=60]
 *                          [--idiomatic-count=N] [--enricher-workers=N] [--seed=1]
 *
 * Last line: `pipeline: e2e=N idiomatic=N b1=N limit=N p99ms@50=N`.
 */
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { physicalTopic, TOPICS } from '@newswire/contracts';
import { localStack, PrivateInfra } from '../faults/harness/infra';
import { Pipeline } from '../faults/harness/pipeline';
import { sentencePool } from '../faults/harness/stories';
import { runB1 } from './pipeline/b1';
import { type BenchStory, buildCorpus } from './pipeline/corpus';
import { compileIdiomatic, runIdiomatic } from './pipeline/idiomatic';
import { type PhaseResult, runPhase } from './pipeline/phase';
import { preload } from './pipeline/preload';
import { type MeteredProcess, ProcessMeter } from './pipeline/process-meter';
import { type BenchSettings, printReport, type RunFigures } from './pipeline/report';
import { StoredWatch } from './pipeline/stored-watch';
import { verifyArchive } from './pipeline/verify';
import { buildServices } from '../faults/harness/build-services';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const num = (name: string, def: number) => {
  const raw = option(name);
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}=${raw}: a non-negative number, please`);
  return n;
};

const quick = flag('quick');
const cores = availableParallelism();
const settings: BenchSettings = {
  count: num('count', quick ? 300 : 4000),
  idiomaticCount: 0,
  preload: num('preload', 0),
  exact: num('exact', 0.1),
  near: num('near', 0.1),
  concurrency: num('concurrency', 32),
  rateSeconds: num('rate-seconds', quick ? 10 : 60),
  // The service's own default (apps/enricher config: one process); --enricher-workers=2 forks one per core here.
  enricherWorkers: num('enricher-workers', 1),
  seed: num('seed', 1),
  partitions: 3,
};
// The baseline is expected to be an order of magnitude slower: fewer stories keep its phase short.
settings.idiomaticCount = num('idiomatic-count', Math.max(100, Math.round(settings.count / 8)));
const warmupCount = Math.min(200, Math.max(20, Math.round(settings.count / 10)));

const started = Date.now();
const log = (text: string) => process.stderr.write(`[bench:pipeline +${((Date.now() - started) / 1000).toFixed(0)}s] ${text}\n`);


async function main(): Promise<number> {
  if (!flag('no-build')) buildServices();
  compileIdiomatic();
  const runId = Date.now().toString(36);
  const dir = option('dir') ?? join(tmpdir(), 'newswire-bench', new Date().toISOString().replace(/[:.]/g, '-'));
  const logDir = join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  log(`work folder ${dir}; ${JSON.stringify(settings)}`);

  const pool = sentencePool();
  const corpus = (phase: string, count: number, seed: number) => {
    const uriPrefix = `urn:bench:${runId}:${phase}`;
    return { uriPrefix, stories: buildCorpus(pool, { count, exactShare: settings.exact, nearShare: settings.near, seed, uriPrefix, provider: 'Bench Wire' }) };
  };
  const saturationCorpus = corpus('saturation', settings.count, settings.seed);

  const infra = await PrivateInfra.single(join(dir, 'state'));
  const stack = await localStack();
  const infraMeters: MeteredProcess[] = [
    { label: 'kafka', role: 'infra', pid: () => infra.kafkaPid() },
    { label: 'ferretdb', role: 'infra', pid: () => stack.pidOf(infra.settings, 'ferretdb') },
  ];
  let pipeline: Pipeline | undefined;
  let watch: StoredWatch | undefined;
  try {
    const b1 = await runB1({ brokers: infra.brokers, partitions: settings.partitions, stories: saturationCorpus.stories, logDir, infra: infraMeters, log });
    log(`b1: ${b1.storedPerSecond.toFixed(0)}/s`);
    const idiomatic = await runIdiomatic({
      brokers: infra.brokers,
      mongoUri: infra.mongoUri,
      partitions: settings.partitions,
      warmup: corpus('idiomatic-warmup', Math.min(warmupCount, 50), settings.seed + 4).stories,
      stories: saturationCorpus.stories.slice(0, settings.idiomaticCount),
      concurrency: settings.concurrency,
      logDir,
      infra: infraMeters,
      log,
    });
    log(`idiomatic: ${idiomatic.storedPerSecond.toFixed(1)}/s`);

    const namespace = `bench-${runId}`;
    pipeline = new Pipeline({
      logDir,
      brokers: infra.brokers,
      mongoUri: infra.mongoUri,
      namespace,
      env: { ENRICHER_WORKERS: String(settings.enricherWorkers), KAFKA_TOPIC_PARTITIONS: String(settings.partitions) },
    });
    log(`starting the services (namespace ${namespace}, ${settings.enricherWorkers} enricher worker(s))`);
    await pipeline.start();
    const p = pipeline;
    let preloaded: RunFigures['preload'];
    if (settings.preload > 0) {
      log(`preloading ${settings.preload} stories into ${p.mongoUri}`);
      const storeDir = join(infra.settings.state, 'ferretdb');
      const database = new URL(p.mongoUri).pathname.slice(1);
      // FerretDB's SQLite backend keeps one file per database (and its write-ahead log).
      const storeBytes = () =>
        readdirSync(storeDir)
          .filter((f) => f.startsWith(`${database}.sqlite`))
          .reduce((sum, f) => sum + statSync(join(storeDir, f)).size, 0);
      preloaded = { count: settings.preload, ...(await preload({ mongoUri: p.mongoUri, count: settings.preload, template: saturationCorpus.stories[0], storeBytes, storeDir, log })) };
    }
    watch = await new StoredWatch(infra.brokers, physicalTopic(TOPICS.articleStored, namespace)).start();
    const meter = new ProcessMeter([
      { label: 'ingester', role: 'service', pid: () => p.ingester.pid },
      { label: 'enricher', role: 'service', pid: () => p.stage('enricher').pid, children: true },
      { label: 'deduplicator', role: 'service', pid: () => p.stage('deduplicator').pid },
      { label: 'storage', role: 'service', pid: () => p.stage('storage').pid },
      ...infraMeters,
      { label: 'bench', role: 'load', pid: () => process.pid },
    ]);
    const w = watch;
    const phase = (name: string, stories: BenchStory[], ratePerSecond?: number) =>
      runPhase({ name, url: p.url, stories, concurrency: ratePerSecond ? settings.concurrency * 2 : settings.concurrency, ratePerSecond, watch: w, meter, stallMs: 180_000, log });

    const checked: { result: PhaseResult; uriPrefix: string }[] = [];
    const warm = corpus('warmup', warmupCount, settings.seed + 3);
    checked.push({ result: await phase('warm-up', warm.stories), uriPrefix: warm.uriPrefix });
    const saturation = await phase('saturation', saturationCorpus.stories);
    checked.push({ result: saturation, uriPrefix: saturationCorpus.uriPrefix });
    log(`saturation: ${saturation.storedPerSecond.toFixed(0)}/s`);
    const rates: PhaseResult[] = [];
    for (const [share, seed] of [
      [0.5, settings.seed + 1],
      [0.8, settings.seed + 2],
    ]) {
      const rate = Math.max(1, saturation.storedPerSecond * share);
      const c = corpus(`rate${share * 100}`, Math.max(50, Math.round(rate * settings.rateSeconds)), seed);
      const result = await phase(`${share * 100}% (${rate.toFixed(0)}/s)`, c.stories, rate);
      rates.push(result);
      checked.push({ result, uriPrefix: c.uriPrefix });
    }
    log('checking the archive: every accepted story recorded exactly once');
    // Over a preloaded archive, by id: a scan would read all of it.
    const archive = await verifyArchive(p.mongoUri, checked, { byId: settings.preload > 0 });
    const ok = printReport({ b1, idiomatic, saturation, rates, archive, preload: preloaded, cores, settings });
    return ok ? 0 : 1;
  } finally {
    await watch?.stop().catch(() => undefined);
    if (pipeline) {
      log('stopping the services');
      await pipeline.stop().catch(() => undefined);
    }
    if (!flag('keep')) {
      log('stopping the private Kafka and FerretDB');
      await infra.stop().catch(() => undefined);
    } else log(`servers left running: KAFKA_BROKERS=${infra.brokers} MONGODB_URI=${infra.mongoUri}`);
    log(`logs under ${logDir}`);
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
