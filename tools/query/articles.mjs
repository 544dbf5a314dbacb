#!/usr/bin/env node
// Prints the latest stored articles: node tools/query/articles.mjs [limit]
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { MongoClient } = require('mongodb');
const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/newswire';
const limit = Number(process.argv[2] ?? 10);

const client = await MongoClient.connect(uri);
try {
  const docs = await client.db().collection('articles').find({}).sort({ storedAt: -1 }).limit(limit).toArray();
  for (const d of docs) {
    process.stdout.write(
      `${d._id}  ${d.storedAt?.toISOString()}  [${d.language}] ${d.headline}\n` +
        `    people: ${d.enrichment.people.map((p) => p.name).join(', ')}\n` +
        `    places: ${d.enrichment.places.map((p) => p.name).join(', ')}\n` +
        `    duplicates: ${await client.db().collection('article_duplicates').countDocuments({ clusterId: d._id })}\n`,
    );
  }
  if (docs.length === 0) process.stdout.write(`no articles in ${uri}\n`);
} finally {
  await client.close();
}
