import { MAX_UPDATES_PER_COMMAND } from '@newswire/mongo';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

const DUPLICATE_KEY = 11000;

/** Re-exported: the slice size every bulk write here uses (see @newswire/mongo). */
export { MAX_UPDATES_PER_COMMAND };

export function isDuplicateKeyError(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: { code?: number } | { code?: number }[] };
  if (e.code === DUPLICATE_KEY) return true;
  const errors = Array.isArray(e.writeErrors) ? e.writeErrors : e.writeErrors ? [e.writeErrors] : [];
  return errors.length > 0 && errors.every((w) => w.code === DUPLICATE_KEY);
}

/** One guarded upsert and what decides, afterwards, whether it won. */
export interface GuardedWrite {
  storyKey: string;
  articleId: string;
  rank: string;
  kill: boolean;
  op: AnyBulkWriteOperation;
}

interface CurrentState {
  _id: string;
  articleId: string;
  /** A number in stores written before ranks became strings: older than any string rank. */
  rank: string | number;
  killed: boolean;
}

/**
 * `applied`: which writes won. `created`: which writes' stories did not exist before this call, known
 * from the store's answer for slices that ran whole; false where a collision made it unknown (read it then).
 */
export interface GuardedOutcome {
  applied: boolean[];
  created: boolean[];
}

/**
 * Runs guarded upserts (`{_id, rank: {$lt: new}}` + upsert) as ordered bulk
 * writes (in slices the store answers) and reports which ones won. A guard that does not match makes
 * the upsert collide on `_id`: E11000 means "not newer", not failure.
 *
 * An ordered bulk stops at the first E11000 (FerretDB ignores
 * `ordered: false` for updates, and its error index and counts are not
 * reliable), so after one the stored state is read back: a write whose
 * article is current won, one facing an equal-or-newer or killed story lost,
 * and the rest had not run yet and go again. Each round settles at least the
 * write that collided, so this ends.
 */
export async function guardedBulkWrite(model: Model<never>, writes: GuardedWrite[]): Promise<GuardedOutcome> {
  const applied = writes.map(() => false);
  const created = writes.map(() => false);
  let pending = writes.map((_, i) => i);
  while (pending.length > 0) {
    const collidedFrom = await writeInSlices(model, writes, pending, applied, created);
    if (collidedFrom < 0) return { applied, created };
    // The slices before the collision are applied; the colliding one and the rest are settled below.
    pending = pending.slice(collidedFrom);
    const keys = [...new Set(pending.map((i) => writes[i].storyKey))];
    // One `_id` read per story rather than `$in`: FerretDB answers only `_id` equality from its index.
    const docs = await Promise.all(keys.map((k) => model.findById(k, { articleId: 1, rank: 1, killed: 1 }).lean<CurrentState>().exec()));
    const current = new Map(docs.filter((d): d is CurrentState => d !== null).map((d) => [d._id, d]));
    const unsettled: number[] = [];
    for (const i of pending) {
      const w = writes[i];
      const state = current.get(w.storyKey);
      if (state?.articleId === w.articleId) applied[i] = true;
      else if (state && (state.killed || (!w.kill && typeof state.rank === 'string' && state.rank >= w.rank))) applied[i] = false;
      else unsettled.push(i);
    }
    if (unsettled.length === pending.length) throw new Error('guarded bulk write made no progress after a duplicate-key error');
    pending = unsettled;
  }
  return { applied, created };
}

/**
 * Runs `pending` as ordered bulk writes of at most MAX_UPDATES_PER_COMMAND
 * statements, one after another, marking each applied slice. Returns -1 when
 * all are applied, else the position in `pending` of the slice that hit a
 * duplicate key (its writes may be partly applied).
 */
async function writeInSlices(model: Model<never>, writes: GuardedWrite[], pending: number[], applied: boolean[], created: boolean[]): Promise<number> {
  for (let start = 0; start < pending.length; start += MAX_UPDATES_PER_COMMAND) {
    const slice = pending.slice(start, start + MAX_UPDATES_PER_COMMAND);
    try {
      const res = await model.bulkWrite(slice.map((i) => writes[i].op) as never, { ordered: true });
      const createdIds = upsertedIdsOf(res);
      for (const i of slice) if (createdIds.has(writes[i].storyKey)) created[i] = true;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      return start;
    }
    for (const i of slice) applied[i] = true;
  }
  return -1;
}

/**
 * `$setOnInsert` upserts, reporting which ones created their document. Two
 * writers racing on one `_id` can both try the insert (FerretDB does not
 * retry that upsert as MongoDB does); the loser finds the document on a retry.
 */
export async function insertFlags(model: Model<never>, ops: AnyBulkWriteOperation[]): Promise<boolean[]> {
  if (ops.length === 0) return [];
  try {
    const res = await model.bulkWrite(ops as never, { ordered: true });
    const createdIds = upsertedIdsOf(res);
    // The first op on an id is the one that created it; a repeat in the same request found it there.
    const seen = new Set<unknown>();
    return (ops as { updateOne: { filter: { _id?: unknown } } }[]).map((op) => {
      const id = op.updateOne.filter._id;
      const first = !seen.has(id);
      seen.add(id);
      return first && createdIds.has(id);
    });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
  // Rare (a concurrent redelivery): settle each write on its own, where results are exact.
  const inserted: boolean[] = [];
  for (const op of ops as { updateOne: { filter: object; update: object; upsert: boolean } }[]) {
    inserted.push(await upsertOne(model, op.updateOne.filter, op.updateOne.update));
  }
  return inserted;
}

/**
 * The ids a bulk write created, by value: FerretDB numbers `upserted[].index` among the upserts,
 * not among the request's operations (an update then an upsert comes back as index 0), so the
 * index cannot say which operation created a document; the id can.
 */
function upsertedIdsOf(res: { upsertedIds?: Record<string | number, unknown> }): Set<unknown> {
  return new Set(Object.values(res.upsertedIds ?? {}));
}

async function upsertOne(model: Model<never>, filter: object, update: object): Promise<boolean> {
  try {
    const res = await model.updateOne(filter as never, update as never, { upsert: true });
    return res.upsertedCount === 1;
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    await model.updateOne(filter as never, update as never, { upsert: true });
    return false;
  }
}
