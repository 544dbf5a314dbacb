/**
 * Query API latency with a large archive on the default local store (FerretDB on SQLite): every
 * list filter and cursor paging, K times each, through the real HTTP API (the built bundle), with
 * the list index (`API_LIST_INDEX=auto`) at --articles, and beside it, at --baseline-articles,
 * the same queries on the plain query path (`API_LIST_INDEX=off`) as the baseline.
 *
 *   npm run bench:api [-- --articles=1000000 --reuse --store-dir=DIR --samples=200]
 *   profiling aids: --only=<part of a filter's name> --slowest=N (each filter's N slowest queries)
 *
 * The store is a private FerretDB (the project's build) in --store-dir on --port, filled through
 * the raw driver with the documents the storage stage writes: stories, versions and duplicates
 * (planWrite), and the list index (registry entries, cold blocks as compaction leaves them; the
 * last hour as hot documents per storage batch, as the storage stage writes them). Articles come
 * from a fixed-seed generator (tools/bench/api-corpus.ts), so --reuse extends or reuses a store
 * filled before. Lines: `api-ms: p50=N p99=N at N articles` per filter and path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { mongo } from 'mongoose';
import {
  ArticleRepository,
  coldDocsOf,
  HOT_SPAN_MS,
  hotDocsOf,
  LIST_INDEX_COLLECTION,
  listsOf,
  planWrite,
  positionOf,
  type Posting,
  registryKey,
  toStored,
  weekOf,
} from '@newswire/archive-data';
import { connectMongo, withDatabase } from '@newswire/mongo';
import { benchStory, LANGUAGES, ORGANISATIONS, PEOPLE, PLACES, rng, SOURCES, START_MS, storedAtOf, SUBJECTS, VOCABULARY, zipf } from './api-corpus';

const arg = (name: string, def: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const flag = (name: string) => process.argv.includes(`--${name}`);
const ARTICLES = Number(arg('articles', '1000000'));
const BASELINE_ARTICLES = Math.min(Number(arg('baseline-articles', '10000')), ARTICLES);
const SAMPLES = Number(arg('samples', '200'));
const BASELINE_SAMPLES = Number(arg('baseline-samples', '5'));
const STORE_DIR = arg('store-dir', '/tmp/newswire-api-bench');
const PORT = Number(arg('port', '27317'));
const REUSE = flag('reuse');
const KEEP = flag('keep');
/** Only the filters whose name contains this (a profiling aid); every filter when absent. */
const ONLY = arg('only', '');
/** Also print the N slowest queries of each filter, with their paths (a profiling aid). */
const SLOWEST = Number(arg('slowest', '0'));
const ROOT = join(__dirname, '../..');
const GENERATOR = 1;
const INSERT_CHUNK = 400;
const MONGO_URI = `mongodb://127.0.0.1:${PORT}/`;

type Stack = { startFerretDb(s: unknown): Promise<void>; stopServer(s: unknown, name: string): Promise<void>; stackSettings(env: NodeJS.ProcessEnv): unknown };
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

const log = (msg: string) => console.log(`[bench:api] ${msg}`);

interface Progress {
  generator: number;
  articles: number;
  fillSeconds: number;
}

function progressFile(db: string) {
  return join(STORE_DIR, `${db}.progress.json`);
}

function readProgress(db: string): Progress | undefined {
  const file = progressFile(db);
  if (!existsSync(file)) return undefined;
  const p = JSON.parse(readFileSync(file, 'utf8')) as Progress;
  return p.generator === GENERATOR ? p : undefined;
}

const isDuplicateKeyError = (err: unknown) => {
  const e = err as { code?: number; writeErrors?: { code?: number }[] };
  return e.code === 11000 || (Array.isArray(e.writeErrors) && e.writeErrors.length > 0 && e.writeErrors.every((w) => w.code === 11000));
};

async function insertAll(collection: mongo.Collection, docs: object[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await collection.insertMany(docs as never[], { ordered: false });
  } catch (err) {
    // A resumed fill writes some documents again: they are already there, identical.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/**
 * Fills database `db` with articles [from, to): the documents the storage stage would have
 * written. Postings of whole weeks go straight into cold blocks (as compaction leaves them);
 * those of the last hour, and of a week a previous fill had started, are written as hot
 * documents per storage batch and left to the project's compaction.
 */
async function fill(db: string, total: number): Promise<{ articles: number; seconds: number }> {
  let progress = REUSE ? readProgress(db) : undefined;
  // No reply bound: building indexes over a million documents may take minutes.
  const connection = await connectMongo(withDatabase(MONGO_URI, db), { replyTimeoutMs: 0 });
  try {
    if (!progress) {
      await connection.dropDatabase();
      progress = { generator: GENERATOR, articles: 0, fillSeconds: 0 };
    }
    const from = progress.articles;
    const before = progress.fillSeconds;
    if (from >= total) return { articles: from, seconds: before };
    const started = Date.now();
    const repo = new ArticleRepository(connection);
    await repo.ensureIndexes();
    const raw = connection.db as mongo.Db;
    const [articles, versions, duplicates, index] = ['articles', 'article_versions', 'article_duplicates', LIST_INDEX_COLLECTION].map((c) => raw.collection(c));
    const endMs = storedAtOf(total - 1);
    const hotFromMs = endMs - HOT_SPAN_MS;
    const startedWeek = from > 0 ? weekOf(positionOf('', new Date(storedAtOf(from - 1)))) : -1;
    let week = -1;
    let weekLists = new Map<string, string[]>();
    let batch: { at: number; postings: Posting[] } = { at: -1, postings: [] };
    let buffers = { articles: [] as object[], versions: [] as object[], duplicates: [] as object[], registry: [] as object[], hot: [] as object[] };

    // One insert round in flight while the next chunk is generated.
    let inFlight: Promise<unknown> = Promise.resolve();
    const flushDocs = async () => {
      const b = buffers;
      buffers = { articles: [], versions: [], duplicates: [], registry: [], hot: [] };
      await inFlight;
      inFlight = Promise.all([insertAll(articles, b.articles), insertAll(versions, b.versions), insertAll(duplicates, b.duplicates), insertAll(index, [...b.registry, ...b.hot])]);
      // Awaited at the next flush; until then a failure must not count as unhandled.
      inFlight.catch(() => undefined);
    };
    const flushWeek = async (nextArticle: number) => {
      const cold = [...weekLists].flatMap(([list, positions]) => coldDocsOf(list, positions, () => 'bench00'));
      weekLists = new Map();
      await flushDocs();
      await inFlight;
      for (let i = 0; i < cold.length; i += 2000) await insertAll(index, cold.slice(i, i + 2000));
      writeFileSync(progressFile(db), JSON.stringify({ generator: GENERATOR, articles: nextArticle, fillSeconds: before + (Date.now() - started) / 1000 }));
    };
    const endBatch = () => {
      if (batch.postings.length) buffers.hot.push(...hotDocsOf(batch.postings));
      batch = { at: -1, postings: [] };
    };

    for (let i = from; i < total; i++) {
      const story = benchStory(i);
      const at = story.storedAt;
      if (at.getTime() !== batch.at) endBatch();
      batch.at = at.getTime();
      const storyWeek = weekOf(positionOf('', at));
      if (storyWeek !== week) {
        if (week >= 0 && weekLists.size) await flushWeek(i);
        week = storyWeek;
      }

      const written = [story.firstVersion, story.message].filter((m) => m !== undefined);
      const lists = new Set<string>();
      let storyKey = '';
      for (const [k, m] of written.entries()) {
        const plan = planWrite(m, at);
        if (plan.kind === 'duplicate') continue;
        storyKey = plan.storyKey;
        for (const l of listsOf(plan.current)) lists.add(l);
        buffers.versions.push({ ...plan.version, outcome: plan.kind === 'kill' ? 'killed' : 'stored', recordedAt: new Date(at.getTime() + k * 1_800_000) });
        if (k === written.length - 1) buffers.articles.push({ _id: plan.storyKey, ...toStored(plan.current, true), storedAt: at });
      }
      if (story.duplicate) {
        const dup = planWrite(story.duplicate, at);
        if (dup.kind === 'duplicate') buffers.duplicates.push(dup.duplicate);
      }
      const position = positionOf(storyKey, at);
      buffers.registry.push({ _id: registryKey(position), k: [storyKey] });
      const direct = storyWeek > startedWeek && at.getTime() < hotFromMs;
      for (const list of lists) {
        if (!direct) batch.postings.push({ list, position });
        else {
          const positions = weekLists.get(list);
          if (positions) positions.push(position);
          else weekLists.set(list, [position]);
        }
      }
      if (buffers.articles.length >= INSERT_CHUNK) await flushDocs();
      if ((i + 1) % 20_000 === 0) log(`${db}: ${i + 1} articles (${Math.round((i + 1 - from) / ((Date.now() - started) / 1000))}/s)`);
    }
    endBatch();
    await flushWeek(total);
    // What is older than an hour by the newest story's clock, as the storage stage's compaction would leave it.
    const moved = await repo.compactListIndex(new Date(endMs));
    if (moved) log(`${db}: compacted ${moved} hot documents`);
    const seconds = before + (Date.now() - started) / 1000;
    writeFileSync(progressFile(db), JSON.stringify({ generator: GENERATOR, articles: total, fillSeconds: seconds }));
    return { articles: total, seconds };
  } finally {
    await connection.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApi(db: string, listIndex: 'auto' | 'off'): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/apps/api/main.js')], {
    env: {
      ...process.env,
      MONGODB_URI: withDatabase(MONGO_URI, db),
      PORT: String(port),
      HOST: '127.0.0.1',
      NEWSWIRE_DEV_MODE: 'true',
      API_LIST_INDEX: listIndex,
      API_QUERY_MAX_TIME_MS: '600000',
      API_RATE_LIMIT_PER_MINUTE: '100000',
      API_RATE_LIMIT_BURST: '10000',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${url}/health/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (tries > 600 || child.exitCode !== null) throw new Error(`the api did not become ready (exit ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    },
  };
}

const cursorAt = (ms: number) => Buffer.from(JSON.stringify([ms, ''])).toString('base64url');

/** The queries, by name: each draws its k-th parameters from a fixed seed. */
function queries(articles: number): [string, (random: () => number) => string][] {
  const endMs = storedAtOf(articles - 1);
  const anyTime = (random: () => number) => START_MS + Math.floor(random() * (endMs - START_MS));
  // Half popular values (as drawn for stories), half any value of the pool (most rarely used, some never).
  const value = (pool: string[], z: { draw(r: () => number): number }) => (random: () => number) =>
    encodeURIComponent(random() < 0.5 ? pool[z.draw(random)] : pool[Math.floor(random() * pool.length)]);
  const word = (random: () => number) => (random() < 0.5 ? VOCABULARY[zipf.words.draw(random)] : VOCABULARY[Math.floor(random() * 20_000)]);
  return [
    ['page 1, no filter', () => ''],
    ['person', (r) => `person=${value(PEOPLE, zipf.people)(r)}`],
    ['organisation', (r) => `organisation=${value(ORGANISATIONS, zipf.organisations)(r)}`],
    ['place', (r) => `place=${value(PLACES, zipf.places)(r)}`],
    ['subject', (r) => `subject=${value(SUBJECTS, zipf.subjects)(r)}`],
    ['source', (r) => `source=${value(SOURCES, zipf.sources)(r).toLowerCase()}`],
    ['language', (r) => `language=${LANGUAGES[Math.floor(r() * LANGUAGES.length)][0]}`],
    [
      'date range',
      (r) => {
        const from = anyTime(r);
        const to = from + 3_600_000 * (1 + Math.floor(r() * 24 * 7));
        return `from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`;
      },
    ],
    ['text, one word', (r) => `q=${word(r)}`],
    ['text, two words', (r) => `q=${word(r)}+${word(r)}`],
    ['person and language', (r) => `person=${value(PEOPLE, zipf.people)(r)}&language=en`],
    ['deep page, no filter', (r) => `cursor=${cursorAt(anyTime(r))}`],
    ['deep page, language', (r) => `language=${r() < 0.7 ? 'en' : 'de'}&cursor=${cursorAt(anyTime(r))}`],
    ['deep page, person', (r) => `person=${encodeURIComponent(PEOPLE[zipf.people.draw(r)])}&cursor=${cursorAt(anyTime(r))}`],
  ];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(url: string, name: string, query: (r: () => number) => string, samples: number): Promise<{ p50: number; p99: number; empty: number }> {
  const random = rng(0xbe7c4 + name.length * 131 + name.charCodeAt(0));
  const times: number[] = [];
  const slow: { ms: number; path: string; items: number }[] = [];
  let empty = 0;
  for (let k = 0; k < samples; k++) {
    const path = `/v1/articles?${query(random)}`;
    const t0 = performance.now();
    const res = await fetch(url + path);
    const body = (await res.json()) as { items?: unknown[] };
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    if (!body.items?.length) empty++;
    if (SLOWEST > 0) slow.push({ ms: times[times.length - 1], path: `#${k} ${path}`, items: body.items?.length ?? 0 });
  }
  for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, SLOWEST)) console.log(`  slow: ${s.ms.toFixed(0)} ms ${s.path} items=${s.items}`);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), empty };
}

async function run(db: string, articles: number, listIndex: 'auto' | 'off', samples: number): Promise<void> {
  const api = await startApi(db, listIndex);
  const path = listIndex === 'auto' ? 'index' : 'plain';
  const chosen = queries(articles).filter(([name]) => name.includes(ONLY));
  try {
    // Warm-up: connections, the API's first store reads, SQLite's page cache.
    for (const [name, q] of chosen) await measure(api.url, name, q, 1);
    for (const [name, q] of chosen) {
      const r = await measure(api.url, name, q, samples);
      console.log(`api-ms: p50=${r.p50.toFixed(0)} p99=${r.p99.toFixed(0)} at ${articles} articles  path=${path} filter="${name}" n=${samples} empty=${r.empty}`);
    }
  } finally {
    await api.stop();
  }
}

function storeSize(): string {
  const dir = join(STORE_DIR, 'ferretdb');
  if (!existsSync(dir)) return '?';
  const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, 'dist/apps/api/main.js'))) throw new Error('build the api first: npx nx run api:build');
  const stack = (await importEsm(pathToFileURL(join(ROOT, 'tools/infra/local-stack.mjs')).href)) as Stack;
  const settings = stack.stackSettings({ ...process.env, NEWSWIRE_STATE_DIR: STORE_DIR, LOCAL_FERRETDB_PORT: String(PORT) });
  if (!REUSE) {
    await stack.stopServer(settings, 'ferretdb');
    rmSync(STORE_DIR, { recursive: true, force: true });
  }
  mkdirSync(STORE_DIR, { recursive: true });
  await stack.startFerretDb(settings);
  log(`store: FerretDB (project build) at ${MONGO_URI}, files in ${STORE_DIR}`);
  try {
    const big = await fill(`bench_${ARTICLES}`, ARTICLES);
    log(`filled ${big.articles} articles in ${big.seconds.toFixed(0)} s (${Math.round(big.articles / Math.max(big.seconds, 1))}/s), store ${storeSize()}`);
    const small = BASELINE_ARTICLES < ARTICLES ? await fill(`bench_${BASELINE_ARTICLES}`, BASELINE_ARTICLES) : big;
    await run(`bench_${ARTICLES}`, big.articles, 'auto', SAMPLES);
    if (small !== big) await run(`bench_${BASELINE_ARTICLES}`, small.articles, 'auto', SAMPLES);
    await run(`bench_${BASELINE_ARTICLES}`, small.articles, 'off', BASELINE_SAMPLES);
    log(`fill: ${big.articles} articles in ${big.seconds.toFixed(0)} s; store size ${storeSize()} (all databases in ${STORE_DIR})`);
  } finally {
    if (!KEEP) await stack.stopServer(settings, 'ferretdb');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
