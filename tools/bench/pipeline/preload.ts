/**
 * `--preload=N`: the pipeline's database filled with N earlier stories, each
 * with the documents the services would have written for it: the archive
 * (`articles`, `article_versions`, built with storage's own write plan from
 * one enriched 3-5 KB story) and the dedup state (story, content hash,
 * verdict, fingerprint and one document per LSH band). Written with the raw
 * driver in unordered bulk inserts, several collections at once. Hashes,
 * signatures and band keys are random, as in bench:dedup: no preloaded story
 * is a copy of a benchmark story, but every lookup runs against a full index.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { statfsSync } from 'node:fs';
import { MongoClient } from 'mongodb';
import { omit, planWrite } from '@newswire/archive-data';
import { storyKeyOf, versionRankOf } from '@newswire/contracts';
import { DEFAULT_DEDUP_OPTIONS as O } from '@newswire/dedup';
import { COLLECTIONS } from '@newswire/dedup-data';
import { storyVersion } from '@newswire/testing';
import type { BenchStory } from './corpus';

const BATCH = 1000;
/** Batches being written at once: the next is built while the store takes the last. */
const IN_FLIGHT = 2;
/** Stories written before the store's growth per story is judged. */
const PROBE = 2000;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

function isDuplicateKeyOnly(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: { code?: number }[] };
  return e.code === 11000 || (e.writeErrors?.length ? e.writeErrors.every((w) => w.code === 11000) : false);
}

export interface PreloadOptions {
  mongoUri: string;
  count: number;
  template: BenchStory;
  /** Bytes the store's files take now (to project the whole fill's size before it fills the disk). */
  storeBytes: () => number;
  /** A folder on the store's file system. */
  storeDir: string;
  log: (text: string) => void;
}

export async function preload(o: PreloadOptions): Promise<{ seconds: number; perSecond: number; bytesPerStory: number }> {
  const { mongoUri, count, template, log } = o;
  const { headline, bodyText } = JSON.parse(template.body) as { headline: string; bodyText: string };
  const base = storyVersion({ uri: 'urn:preload:template', provider: 'Preload Wire', headline, body: bodyText });
  const client = await MongoClient.connect(mongoUri, { maxPoolSize: 16 });
  const db = client.db();
  const col = (name: string) => db.collection<Record<string, unknown>>(name);
  const insert = (name: string, docs: Record<string, unknown>[]) =>
    col(name)
      .insertMany(docs, { ordered: false })
      .catch((err: unknown) => {
        if (!isDuplicateKeyOnly(err)) throw err;
      });
  const batch = async (from: number, n: number) => {
    const now = new Date();
    const docs: Record<string, Record<string, unknown>[]> = {};
    const add = (name: string, doc: Record<string, unknown>) => (docs[name] ??= []).push(doc);
    for (let i = from; i < from + n; i++) {
      const id = randomUUID();
      const uri = `urn:preload:${i}`;
      const article = { ...base.article, id, uri, headline: `${base.article.headline} ${i}` };
      const storyKey = storyKeyOf(article);
      const hash = hex(32);
      const dedup = { ...base.dedup, clusterId: id, storyKey, contentHash: hash };
      const plan = planWrite({ ...base, article, dedup }, now);
      if (plan.kind === 'duplicate') throw new Error('the preload template must be an original story');
      add('articles', { _id: storyKey, ...plan.current, storedAt: now });
      add('article_versions', { ...omit(plan.version, ['outcome']), outcome: 'stored' });
      const rank = versionRankOf(article);
      add(COLLECTIONS.stories, {
        _id: storyKey,
        rank,
        currentArticleId: id,
        clusterId: id,
        pubStatus: article.pubStatus,
        firstSeenAt: now,
        updatedAt: now,
        history: [{ articleId: id, rank, pubStatus: article.pubStatus, at: now }],
      });
      add(COLLECTIONS.contentHashes, { _id: hash, articleId: id, firstSeenAt: now });
      add(COLLECTIONS.verdicts, { _id: id, verdict: JSON.parse(JSON.stringify(dedup)) as unknown });
      const bands = Array.from({ length: O.bands }, (_, b) => `${b}:${hex(6)}`);
      add(COLLECTIONS.fingerprints, { _id: id, sig: randomBytes(O.numHashes * 2).toString('base64'), size: 600, bands, source: 'Preload Wire', uri, at: now });
      for (const key of bands) add(COLLECTIONS.bands, { _id: key, articleId: id, clusterId: id, at: now });
    }
    await Promise.all(Object.entries(docs).map(([name, list]) => insert(name, list)));
  };

  const started = Date.now();
  const bytesBefore = o.storeBytes();
  let bytesPerStory = Number.NaN;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const from = next;
      const n = Math.min(BATCH, count - from);
      next += n;
      await batch(from, n);
      done += n;
      if (done % 50_000 === 0 || done === count) log(`preload: ${done} of ${count} stories (${Math.round(done / ((Date.now() - started) / 1000))}/s)`);
      if (Number.isNaN(bytesPerStory) && done >= Math.min(PROBE, count)) {
        bytesPerStory = (o.storeBytes() - bytesBefore) / done;
        const needed = bytesPerStory * (count - done);
        const { bavail, bsize } = statfsSync(o.storeDir);
        const free = bavail * bsize;
        log(`preload: the store takes ${(bytesPerStory / 1024).toFixed(0)} KB per story: ${(needed / 1e9).toFixed(1)} GB more for the rest, ${(free / 1e9).toFixed(1)} GB free`);
        if (needed > free * 0.8) {
          next = count; // the other worker stops after its batch
          throw new Error(`--preload=${count} needs about ${(needed / 1e9).toFixed(0)} GB more in the store, and only ${(free / 1e9).toFixed(0)} GB are free: try a smaller preload`);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  } finally {
    await client.close();
  }
  const seconds = (Date.now() - started) / 1000;
  return { seconds, perSecond: count / seconds, bytesPerStory };
}
