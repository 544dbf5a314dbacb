import type { Connection, mongo } from 'mongoose';

/**
 * Every collection is keyed by `_id` and read by `_id` equality only:
 * FerretDB 1.x pushes `_id` equality down to its index but scans for `$in`
 * (explain: filterPushdown false), so batches of keys are looked up one by one.
 */
export const COLLECTIONS = {
  stories: 'dedup_stories',
  bands: 'dedup_bands',
  fingerprints: 'dedup_fingerprints',
  verdicts: 'dedup_verdicts',
  contentHashes: 'dedup_content_hashes',
} as const;

export function collection<T extends mongo.Document>(connection: Connection, name: string): mongo.Collection<T> {
  const db = connection.db;
  if (!db) throw new Error('dedup store: the connection is not open');
  return db.collection<T>(name);
}

/** `_id` equality per key, in parallel: the only batched read FerretDB serves from its index. */
export async function findByIds<T extends { _id: string }>(col: mongo.Collection<T>, ids: readonly string[]): Promise<T[]> {
  const docs = await Promise.all([...new Set(ids)].map((id) => col.findOne({ _id: id } as mongo.Filter<T>)));
  return docs.filter((d) => d !== null) as T[];
}
