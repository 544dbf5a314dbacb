/**
 * Articles stored per second through the storage stage's write path
 * (ArticleRepository.storeMany: mongoose bulk writes, version guard, history,
 * and on FerretDB the list index)
 * beside the raw MongoDB driver doing the same writes: the same documents
 * (both sides build them with planWrite), the same guarded upserts and
 * history upserts, the same batch size, the same server, fresh databases
 * with the same indexes, alternating rounds. Last line:
 * `storage-articles-per-s: project=N driver=N`.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/ npx ts-node -P tsconfig.tools.json tools/bench/storage-bench.ts [articles] [batch]
 */
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { ArticleRepository, detectCapabilities, hotDocsOf, listsOf, omit, planWrite, positionOf, registryKey, toStored } from '@newswire/archive-data';
import type { ArticleDeduplicated } from '@newswire/contracts';
import { connectMongo, withDatabase } from '@newswire/mongo';
import { storyVersion } from '@newswire/testing';

const uri = process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
const total = Number(process.argv[2] ?? 1000);
const batchSize = Number(process.argv[3] ?? 50);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);

/** Enrichment is slow and not what is measured: enrich a few, then vary ids, uris and text. */
function corpus(n: number): ArticleDeduplicated[] {
  const bases = [0, 1, 2].map((i) => storyVersion({ uri: `urn:bench:base${i}`, version: 1, body: `Base story ${i} about markets, ministers and storms in many cities. `.repeat(12) }));
  return Array.from({ length: n }, (_, i) => {
    const base = bases[i % bases.length];
    const id = randomUUID();
    return {
      ...base,
      article: { ...base.article, id, uri: `urn:bench:${i}`, headline: `${base.article.headline} number ${i}`, bodyText: `${base.article.bodyText} Item ${i}.` },
      dedup: { ...base.dedup, clusterId: id },
    };
  });
}

async function project(messages: ArticleDeduplicated[], db: string): Promise<number> {
  const connection = await connectMongo(withDatabase(uri, db));
  try {
    const repo = new ArticleRepository(connection);
    await repo.ensureIndexes();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < messages.length; i += batchSize) await repo.storeMany(messages.slice(i, i + batchSize));
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    await connection.dropDatabase();
    return messages.length / seconds;
  } finally {
    await connection.close();
  }
}

async function driver(messages: ArticleDeduplicated[], db: string, indexesFrom: ArticleRepository, ferret: boolean): Promise<number> {
  const client = await MongoClient.connect(uri, { maxPoolSize: 20 });
  try {
    const database = client.db(db);
    // The indexes ensureIndexes makes: the schema's on MongoDB, none on FerretDB (its list index stands in).
    for (const [model, name] of ferret ? [] : ([
      [indexesFrom.articles, 'articles'],
      [indexesFrom.versions, 'article_versions'],
    ] as const)) {
      for (const [keys, options] of model.schema.indexes()) await database.collection(name).createIndex(keys as never, options as never);
    }
    const articles = database.collection<{ _id: string }>('articles');
    const versions = database.collection<{ _id: string }>('article_versions');
    const index = database.collection<{ _id: string }>('article_index');
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < messages.length; i += batchSize) {
      const now = new Date();
      const plans = messages.slice(i, i + batchSize).map((m) => planWrite(m, now));
      const stories = plans.flatMap((p) => (p.kind === 'duplicate' ? [] : [p]));
      await articles.bulkWrite(
        stories.map((p) => ({
          updateOne: {
            filter: { _id: p.storyKey, rank: { $lt: p.rank }, killed: { $ne: true } },
            update: { $set: toStored(p.current, ferret), $setOnInsert: { storedAt: now } },
            upsert: true,
          },
        })),
        { ordered: true },
      );
      await versions.bulkWrite(
        stories.map((p) => {
          const { _id, ...rest } = omit(p.version, ['outcome']);
          return { updateOne: { filter: { _id }, update: { $setOnInsert: rest, $set: { outcome: 'stored' } }, upsert: true } };
        }),
        { ordered: true },
      );
      // FerretDB: the list index's postings, as the project writes them (one read-back of storedAt, hot documents, registry).
      if (ferret) {
        const stored = await articles.find({ _id: { $in: stories.map((p) => p.storyKey) } }, { projection: { storedAt: 1 } }).toArray();
        const at = new Map(stored.map((d) => [d._id, (d as unknown as { storedAt: Date }).storedAt]));
        const postings = stories.flatMap((p) => listsOf(p.current).map((list) => ({ list, position: positionOf(p.storyKey, at.get(p.storyKey) ?? now) })));
        await index.insertMany(hotDocsOf(postings) as never[], { ordered: false });
        await index.bulkWrite(
          stories.map((p) => ({ updateOne: { filter: { _id: registryKey(positionOf(p.storyKey, at.get(p.storyKey) ?? now)) }, update: { $addToSet: { k: p.storyKey } } as never, upsert: true } })),
          { ordered: true },
        );
      }
    }
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    await database.dropDatabase();
    return messages.length / seconds;
  } finally {
    await client.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const messages = corpus(total);
  const tag = `bench_storage_${Date.now().toString(36)}`;
  const schemaHolder = await connectMongo(withDatabase(uri, `${tag}_schema`));
  const indexesFrom = new ArticleRepository(schemaHolder);
  const ferret = (await detectCapabilities(schemaHolder)).server === 'ferretdb';
  // Warm-up: connections, JIT, server caches.
  await project(messages.slice(0, 200), `${tag}_warm_p`);
  await driver(messages.slice(0, 200), `${tag}_warm_d`, indexesFrom, ferret);
  const p: number[] = [];
  const d: number[] = [];
  for (let r = 0; r < rounds; r++) {
    p.push(await project(messages, `${tag}_p${r}`));
    d.push(await driver(messages, `${tag}_d${r}`, indexesFrom, ferret));
    console.log(`round ${r + 1}: project ${p[r].toFixed(0)}/s, driver ${d[r].toFixed(0)}/s`);
  }
  await schemaHolder.close();
  const pm = median(p);
  const dm = median(d);
  console.log(`${total} articles in batches of ${batchSize}, ${rounds} rounds, median; project/driver = ${(pm / dm).toFixed(2)}`);
  console.log(`storage-articles-per-s: project=${pm.toFixed(0)} driver=${dm.toFixed(0)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
