/**
 * Articles per second and store commands per article through the
 * deduplicator's decision, on the real store: the chunked path
 * (decideChunk over MongoDedupStore, chunks as the stage hands them over)
 * beside the per-article path it replaced (tools/bench/dedup-baseline, one
 * article at a time), on one corpus, each on a fresh database of the same
 * server, in the same run. Commands are counted with the driver's command
 * monitoring. Both paths decide alone, so their verdicts must agree; the
 * bench says how many do. Last line:
 * `dedup-bench: old=N/s new=N/s old-commands=N/article new-commands=N/article`.
 *
 * With FERRETDB_PID set (a FerretDB of one's own: others' load counts too),
 * the store's CPU time per article is printed as well.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/ npx ts-node -P tsconfig.tools.json tools/bench/dedup-bench.ts [--articles=600] [--chunk=100] [--instances=2]
 */
import { readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { type CanonicalArticle, type DedupVerdict, storyKeyOf } from '@newswire/contracts';
import { decideChunk, DEFAULT_DEDUP_OPTIONS as O } from '@newswire/dedup';
import { MongoDedupStore } from '@newswire/dedup-data';
import { withDatabase } from '@newswire/mongo';
import { bareArticle } from '@newswire/testing';
import { BandRepository, ContentHashRepository, DedupService, FingerprintRepository, NearIndex, StoryRepository, VerdictRepository } from './dedup-baseline';

const arg = (name: string, def: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const ARTICLES = Number(arg('articles', '600'));
const CHUNK = Number(arg('chunk', '100'));
const INSTANCES = Number(arg('instances', '2'));
const URI = process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
/** The driver's own traffic, not the deduplicator's. */
const STORE_PID = process.env['FERRETDB_PID'];
/** User + system CPU of the store process, in ms (Linux: /proc/<pid>/stat, clock ticks of 10 ms). */
const storeCpuMs = () => {
  if (!STORE_PID) return 0;
  const fields = readFileSync(`/proc/${STORE_PID}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const HOUSEKEEPING = new Set(['hello', 'ismaster', 'isMaster', 'buildInfo', 'buildinfo', 'endSessions', 'ping', 'saslStart', 'saslContinue', 'dropDatabase']);

interface Counted {
  connection: Connection;
  commands: Map<string, number>;
}

async function counted(db: string): Promise<Counted> {
  const connection = await mongoose.createConnection(withDatabase(URI, db), { monitorCommands: true, maxPoolSize: 20, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const commands = new Map<string, number>();
  connection.getClient().on('commandStarted', (e) => {
    if (HOUSEKEEPING.has(e.commandName)) return;
    // "find dedup_bands": the command and the collection it went to.
    const target = (e.command as Record<string, unknown>)[e.commandName];
    const name = typeof target === 'string' ? `${e.commandName} ${target.replace(/^dedup_/, '')}` : e.commandName;
    commands.set(name, (commands.get(name) ?? 0) + 1);
  });
  return { connection, commands };
}

/** A wire day in miniature: new stories, copies from other outlets, edited copies, new versions, redeliveries. */
function corpus(n: number): { articles: CanonicalArticle[]; mix: Record<string, number> } {
  const vocab = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'abcdefghij'[i % 10]}`);
  const words = (k: number) => Array.from({ length: k }, () => vocab[Math.floor(Math.random() * vocab.length)]).join(' ');
  const article = (fields: Partial<CanonicalArticle>): CanonicalArticle =>
    bareArticle({
      id: `b-${randomBytes(8).toString('hex')}`,
      uri: `urn:bench:${randomBytes(6).toString('hex')}`,
      provider: `Outlet ${Math.floor(Math.random() * 50)}`,
      headline: `Headline ${words(6)}`,
      bodyText: words(180),
      ...fields,
    });
  const out: CanonicalArticle[] = [];
  const mix = { new: 0, exact: 0, near: 0, version: 0, redelivery: 0 };
  for (let i = 0; i < n; i++) {
    const r = Math.random();
    const earlier = out[Math.floor(Math.random() * out.length)];
    if (!earlier || r < 0.6) {
      out.push(article({}));
      mix.new++;
    } else if (r < 0.8) {
      out.push(article({ headline: earlier.headline, bodyText: earlier.bodyText }));
      mix.exact++;
    } else if (r < 0.9) {
      const kept = earlier.bodyText.split(' ');
      out.push(article({ bodyText: `${kept.slice(0, Math.floor(kept.length * 0.8)).join(' ')} ${words(10)}` }));
      mix.near++;
    } else if (r < 0.98) {
      out.push(article({ uri: earlier.uri, provider: earlier.provider, version: (earlier.version ?? 1) + 1, bodyText: `${earlier.bodyText} ${words(20)}` }));
      mix.version++;
    } else {
      out.push(earlier);
      mix.redelivery++;
    }
  }
  return { articles: out, mix };
}

interface Run {
  seconds: number;
  chunks: number;
  storeMs: number;
  commands: Map<string, number>;
  verdicts: DedupVerdict[];
}

async function runOld(articles: CanonicalArticle[]): Promise<Run> {
  const { connection: c, commands } = await counted('dedup_bench_old');
  await c.dropDatabase();
  const fingerprints = new FingerprintRepository(c);
  const service = new DedupService(
    { stories: new StoryRepository(c), hashes: new ContentHashRepository(c), fingerprints, verdicts: new VerdictRepository(c), near: new NearIndex(new BandRepository(c), fingerprints, O) },
    O,
  );
  commands.clear();
  const [t0, cpu0] = [process.hrtime.bigint(), storeCpuMs()];
  const verdicts: DedupVerdict[] = [];
  for (const a of articles) verdicts.push(await service.verdictFor(a));
  const [seconds, storeMs] = [Number(process.hrtime.bigint() - t0) / 1e9, storeCpuMs() - cpu0];
  await c.dropDatabase();
  await c.close();
  return { seconds, chunks: articles.length, storeMs, commands, verdicts };
}

/**
 * `instances` deduplicators, each with its own connection and caches, each
 * taking the stories of its partitions in order (a story's versions stay on
 * one, copies from other outlets land anywhere), a chunk at a time.
 */
async function runNew(articles: CanonicalArticle[], instances: number): Promise<Run> {
  const workers = await Promise.all(Array.from({ length: instances }, () => counted(`dedup_bench_new${instances}`)));
  await workers[0].connection.dropDatabase();
  workers.forEach((w) => w.commands.clear());
  const partitions = workers.map(() => [] as number[]);
  articles.forEach((a, i) => partitions[createHash('md5').update(storyKeyOf(a)).digest().readUInt32BE(0) % instances].push(i));
  const verdicts: DedupVerdict[] = [];
  const [t0, cpu0] = [process.hrtime.bigint(), storeCpuMs()];
  await Promise.all(
    workers.map(async (w, k) => {
      const store = new MongoDedupStore(w.connection);
      for (let i = 0; i < partitions[k].length; i += CHUNK) {
        const positions = partitions[k].slice(i, i + CHUNK);
        const decided = await decideChunk(positions.map((p) => articles[p]), store, O, new Date());
        positions.forEach((p, j) => (verdicts[p] = decided[j]));
      }
    }),
  );
  const [seconds, storeMs] = [Number(process.hrtime.bigint() - t0) / 1e9, storeCpuMs() - cpu0];
  const commands = new Map<string, number>();
  for (const w of workers) for (const [name, n] of w.commands) commands.set(name, (commands.get(name) ?? 0) + n);
  await workers[0].connection.dropDatabase();
  await Promise.all(workers.map((w) => w.connection.close()));
  return { seconds, chunks: partitions.reduce((n, p) => n + Math.ceil(p.length / CHUNK), 0), storeMs, commands, verdicts };
}

const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
const breakdown = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
const alike = (a: DedupVerdict, b: DedupVerdict) => a.status === b.status && a.duplicateOf === b.duplicateOf && a.clusterId === b.clusterId;

async function main() {
  const { articles, mix } = corpus(ARTICLES);
  console.log(`corpus: ${articles.length} articles (${Object.entries(mix).map(([k, v]) => `${v} ${k}`).join(', ')}), chunks of ${CHUNK}; store ${URI}`);
  const old = await runOld(articles);
  const fresh = await runNew(articles, 1);
  const line = (label: string, r: Run, perChunk: boolean) =>
    console.log(
      `${label.padEnd(20)} ${(articles.length / r.seconds).toFixed(0).padStart(5)} articles/s  ${(total(r.commands) / articles.length).toFixed(2).padStart(6)} commands/article` +
        `${perChunk ? `  ${(total(r.commands) / r.chunks).toFixed(1)} commands/chunk` : ''}${STORE_PID ? `  store CPU ${(r.storeMs / articles.length).toFixed(2)} ms/article` : ''}  (${breakdown(r.commands)})`,
    );
  line('old, per article', old, false);
  line('new, chunked', fresh, true);
  const same = articles.filter((_, i) => alike(old.verdicts[i], fresh.verdicts[i])).length;
  console.log(`verdicts alike (status, duplicate of, cluster), old vs new: ${same}/${articles.length}`);
  if (process.env['BENCH_DIFF']) articles.forEach((a, i) => !alike(old.verdicts[i], fresh.verdicts[i]) && console.log(i, a.id, a.uri, a.version, JSON.stringify(old.verdicts[i]), JSON.stringify(fresh.verdicts[i])));
  if (INSTANCES > 1) {
    const many = await runNew(articles, INSTANCES);
    line(`new, ${INSTANCES} instances`, many, true);
    // Copies from other outlets reach the lease in another order than with one instance, so the first of two copies may be another one.
    const counts = (vs: DedupVerdict[]) => Object.entries(vs.reduce<Record<string, number>>((m, v) => ({ ...m, [v.status]: (m[v.status] ?? 0) + 1 }), {})).sort().map(([k, n]) => `${n} ${k}`).join(', ');
    console.log(`verdicts, one instance: ${counts(fresh.verdicts)}; ${INSTANCES} instances: ${counts(many.verdicts)}`);
  }
  const rate = (r: { seconds: number }) => (articles.length / r.seconds).toFixed(0);
  console.log(`dedup-bench: old=${rate(old)}/s new=${rate(fresh)}/s old-commands=${(total(old.commands) / articles.length).toFixed(2)}/article new-commands=${(total(fresh.commands) / articles.length).toFixed(2)}/article`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
