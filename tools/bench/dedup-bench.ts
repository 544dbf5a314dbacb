/**
 * Lookup-and-insert time per article in the real dedup index at 10k and 1M
 * fingerprints. The fill goes through the raw driver (bulk, unordered); the
 * measured operations are the project's own code (ContentHashRepository +
 * NearIndex over BandRepository/FingerprintRepository).
 * Usage: npx ts-node -P tsconfig.tools.json tools/bench/dedup-bench.ts [--sizes=10000,1000000] [--sample=500]
 */
import { randomBytes } from 'node:crypto';
import { contentHash, DEFAULT_DEDUP_OPTIONS as O, fingerprintOf } from '@newswire/dedup';
import { BandRepository, COLLECTIONS, ContentHashRepository, FingerprintRepository, NearIndex } from '@newswire/dedup-data';
import { connectMongo, withDatabase } from '@newswire/mongo';

const arg = (name: string, def: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? def;
const SIZES = arg('sizes', '10000,1000000').split(',').map(Number);
const SAMPLE = Number(arg('sample', '500'));
const BATCH = 5000;
const URI = withDatabase(process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/', 'dedup_bench');

const VOCAB = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${'abcdefghij'[i % 10]}`);
const text = () => Array.from({ length: 180 }, () => VOCAB[Math.floor(Math.random() * VOCAB.length)]).join(' ');
const hex = (n: number) => randomBytes(n).toString('hex');

async function main() {
  const conn = await connectMongo(URI);
  await conn.dropDatabase();
  const db = conn.db;
  if (!db) throw new Error('the store connection has no database');
  const bandsCol = db.collection(COLLECTIONS.bands);
  const fpsCol = db.collection(COLLECTIONS.fingerprints);
  const hashCol = db.collection(COLLECTIONS.contentHashes);
  const bands = new BandRepository(conn);
  const fps = new FingerprintRepository(conn);
  const hashes = new ContentHashRepository(conn);
  const near = new NearIndex(bands, fps, O);
  console.log(`store ${URI}; ${O.bands} bands x ${O.rows} rows, signature ${O.numHashes} x 16 bit; ${O.bands + 2} documents per fingerprint`);

  let filled = 0;
  const at = new Date();
  const fillTo = async (target: number) => {
    const t0 = Date.now();
    const start = filled;
    const insertBatch = async (n: number) => {
      const ids = Array.from({ length: n }, () => `bench-${hex(8)}`);
      const sig = randomBytes(O.numHashes * 2).toString('base64');
      await Promise.all([
        fpsCol.insertMany(ids.map((id) => ({ _id: id as never, sig, size: 170, bands: [], source: 'bench', uri: id, at })), { ordered: false }),
        bandsCol.insertMany(ids.flatMap((id) => Array.from({ length: O.bands }, (_, b) => ({ _id: `${b}:${hex(6)}` as never, articleId: id, clusterId: id, at }))), { ordered: false }),
        hashCol.insertMany(ids.map((id) => ({ _id: hex(32) as never, articleId: id, firstSeenAt: at })), { ordered: false }),
      ]);
    };
    while (filled < target) {
      const n = Math.min(BATCH, target - filled);
      await insertBatch(n);
      filled += n;
      if (filled % 100_000 === 0) console.log(`  filled ${filled} (${Math.round((filled - start) / ((Date.now() - t0) / 1000))} fingerprints/s)`);
    }
    const secs = (Date.now() - t0) / 1000;
    console.log(`fill to ${target}: ${secs.toFixed(1)} s, ${Math.round((target - start) / secs)} fingerprints/s, ${Math.round(((target - start) * (O.bands + 2)) / secs)} documents/s`);
  };

  const measure = async () => {
    const times: number[] = [];
    for (let i = 0; i < SAMPLE; i++) {
      const body = text();
      const id = `probe-${hex(8)}`;
      const fp = fingerprintOf(body, O);
      const now = new Date();
      const t = process.hrtime.bigint();
      await hashes.claim(contentHash('h', body), id, now);
      await near.decide({ articleId: id, source: 'bench', uri: id, fingerprint: fp, bandKeys: fp.bandKeys }, now);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    return { p50: times[Math.floor(times.length * 0.5)], p99: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] };
  };

  const results: Record<number, { p50: number; p99: number }> = {};
  for (const size of SIZES) {
    await fillTo(size);
    results[size] = await measure();
    filled += SAMPLE;
    console.log(`@${size}: p50=${results[size].p50.toFixed(2)} ms p99=${results[size].p99.toFixed(2)} ms per article (lookup + insert, n=${SAMPLE})`);
  }
  await conn.dropDatabase();
  await conn.close();
  const [small, large] = SIZES;
  const f = (x: number) => x.toFixed(2);
  const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);
  const [ls, ll] = [label(small), label(large)];
  console.log(`dedup-ms: p50@${ls}=${f(results[small].p50)} p99@${ls}=${f(results[small].p99)} p50@${ll}=${f(results[large].p50)} p99@${ll}=${f(results[large].p99)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
