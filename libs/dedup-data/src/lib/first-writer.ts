import type { mongo } from 'mongoose';
import type { IdReader } from './id-reads';
import { isDuplicateKey } from './store-errors';

/** Bounded: each round follows a claim that changed hands between our insert and our read. */
const MAX_ROUNDS = 3;

/**
 * Inserts the documents that are new, all in one write (unordered: a
 * duplicate does not stop the others); returns the positions someone else
 * had inserted first.
 */
export async function insertNew<T extends { _id: string }>(col: mongo.Collection<T>, docs: readonly T[]): Promise<Set<number>> {
  if (docs.length === 0) return new Set();
  try {
    await col.insertMany(docs as mongo.OptionalUnlessRequiredId<T>[], { ordered: false });
    return new Set();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const errors = (err as { writeErrors?: { index: number }[] | { index: number } }).writeErrors ?? [];
    return new Set((Array.isArray(errors) ? errors : [errors]).map((w) => w.index));
  }
}

/**
 * First writer wins, within a window: each document is inserted unless its
 * `_id` exists; only the ones that existed are read back. A holder older
 * than `cutoff` is taken over by a conditional update, which again only one
 * writer can win. Returns, for each `_id`, the document that holds it now:
 * ours or the earlier one.
 */
export async function claimFirst<T extends { _id: string }>(col: mongo.Collection<T>, reader: IdReader, docs: readonly T[], atField: keyof T & string, cutoff: Date): Promise<Map<string, T>> {
  const holders = new Map<string, T>();
  let pending = docs;
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) throw new Error(`claims kept changing hands: ${pending.map((d) => d._id).join(', ')}`);
    const lost = await insertNew(col, pending);
    pending.forEach((d, i) => !lost.has(i) && holders.set(d._id, d));
    const contested = pending.filter((_, i) => lost.has(i));
    const stored = await reader.read(col, contested.map((d) => d._id));
    const expired = contested.filter((d) => stored.has(d._id) && (stored.get(d._id)?.[atField] as Date) < cutoff);
    for (const d of contested) if (stored.has(d._id) && !expired.includes(d)) holders.set(d._id, stored.get(d._id) as T);
    const takenOver = await Promise.all(expired.map((d) => takeOver(col, d, atField, cutoff)));
    expired.forEach((d, i) => takenOver[i] && holders.set(d._id, d));
    // Deleted meanwhile, or taken over by someone else first: ask again.
    pending = contested.filter((d) => !holders.has(d._id));
  }
  return holders;
}

async function takeOver<T extends { _id: string }>(col: mongo.Collection<T>, doc: T, atField: string, cutoff: Date): Promise<boolean> {
  const { _id, ...fields } = doc;
  const r = await col.updateOne({ _id, [atField]: { $lt: cutoff } } as mongo.Filter<T>, { $set: fields as Partial<T> });
  return r.matchedCount === 1;
}
