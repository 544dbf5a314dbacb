import type { Connection, mongo } from 'mongoose';

/** Every collection is keyed by `_id` and read by `_id` only: FerretDB serves nothing else from an index. */
export const COLLECTIONS = {
  stories: 'dedup_stories',
  bands: 'dedup_bands',
  fingerprints: 'dedup_fingerprints',
  verdicts: 'dedup_verdicts',
  contentHashes: 'dedup_content_hashes',
  leases: 'dedup_leases',
} as const;

export function collection<T extends mongo.Document>(connection: Connection, name: string): mongo.Collection<T> {
  const db = connection.db;
  if (!db) throw new Error('dedup store: the connection is not open');
  return db.collection<T>(name);
}
