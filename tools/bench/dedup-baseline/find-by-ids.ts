import type { mongo } from 'mongoose';

/** `_id` equality per key, in parallel (the baseline's batched read). */
export async function findByIds<T extends { _id: string }>(col: mongo.Collection<T>, ids: readonly string[]): Promise<T[]> {
  const docs = await Promise.all([...new Set(ids)].map((id) => col.findOne({ _id: id } as mongo.Filter<T>)));
  return docs.filter((d) => d !== null) as T[];
}
