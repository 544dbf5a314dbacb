import type { Connection, mongo } from 'mongoose';
import {
  type HealthStorePort,
  type HealthVerdict,
  expiredPaths,
  recordOfDoc,
  retentionOf,
  SOURCE_HEALTH_COLLECTION,
  type SourceHealthDoc,
  type SourceHealthRecord,
  type Tally,
} from '@newswire/feed-health';
import { inSlices } from '@newswire/mongo';

type Update = mongo.AnyBulkWriteOperation<SourceHealthDoc>;

/**
 * One chunk's counts for one source as a single upsert of `$inc` / `$max`
 * on its own fields: instances consuming different partitions add to the
 * same source without reading first. A chunk replayed after a crash counts
 * its stories twice (idempotent enough for rates; last-seen and sequence
 * numbers are `$max`, so they are exact).
 */
export function intakeUpdateOf(sourceId: string, tally: Tally): Update {
  const inc: Record<string, number> = {};
  const max: Record<string, unknown> = {};
  const set: Record<string, unknown> = {};
  for (const [h, n] of tally.stories) inc[`stories.h${h}`] = n;
  for (const [h, n] of tally.failures) inc[`failures.h${h}`] = n;
  if (tally.lastSeenAt !== undefined) max['lastSeenAt'] = new Date(tally.lastSeenAt);
  if (tally.lastFailure) set['lastFailure'] = { at: new Date(tally.lastFailure.at), reason: tally.lastFailure.reason };
  for (const [series, s] of tally.sequences) {
    set[`sequences.${series}.wrapsAfter`] = s.wrapsAfter;
    for (const [n, at] of s.seen) max[`sequences.${series}.seen.n${n}`] = at;
  }
  for (const [key, versions] of tally.chains) for (const [v, at] of versions) max[`chains.${key}.v${v}`] = at;
  const first = Math.min(...[...tally.stories.keys(), ...tally.failures.keys()].map((h) => h * 3_600_000), tally.lastSeenAt ?? Infinity);
  const update: Record<string, unknown> = { $setOnInsert: { trackedSince: new Date(Number.isFinite(first) ? first : Date.now()) } };
  if (Object.keys(inc).length) update['$inc'] = inc;
  if (Object.keys(max).length) update['$max'] = max;
  if (Object.keys(set).length) update['$set'] = set;
  return { updateOne: { filter: { _id: sourceId }, update, upsert: true } };
}

/** `source_health`: the intake's counters and the evaluator's verdicts. */
export class MongoHealthStore implements HealthStorePort {
  private readonly col: mongo.Collection<SourceHealthDoc>;
  /** The documents of the last load: what the following save may forget of them. */
  private loaded = new Map<string, SourceHealthDoc>();

  constructor(connection: Connection) {
    this.col = connection.collection<SourceHealthDoc>(SOURCE_HEALTH_COLLECTION) as unknown as mongo.Collection<SourceHealthDoc>;
  }

  /** Adds a chunk's tallies, in slices (FerretDB never answers an update of 100 or more documents). */
  async add(tallies: Map<string, Tally>): Promise<void> {
    const ops = [...tallies].map(([id, tally]) => intakeUpdateOf(id, tally));
    for (const slice of inSlices(ops)) await this.col.bulkWrite(slice, { ordered: false });
  }

  async load(sourceIds: string[]): Promise<Map<string, SourceHealthRecord>> {
    const docs = await this.col.find({ _id: { $in: sourceIds } }).toArray();
    this.loaded = new Map(docs.map((d) => [d._id, d]));
    return new Map(docs.map((d) => [d._id, recordOfDoc(d)]));
  }

  async saveVerdicts(verdicts: Map<string, HealthVerdict>, now: number): Promise<void> {
    const { oldestHour, oldestSeenAt } = retentionOf(now);
    const ops: Update[] = [...verdicts].map(([id, verdict]) => {
      const doc = this.loaded.get(id);
      const expired = doc ? expiredPaths(doc, oldestHour, oldestSeenAt) : [];
      const update: Record<string, unknown> = { $set: { verdict }, $setOnInsert: { trackedSince: new Date(verdict.trackedSince) } };
      if (expired.length) update['$unset'] = Object.fromEntries(expired.map((p) => [p, '']));
      return { updateOne: { filter: { _id: id }, update, upsert: true } };
    });
    for (const slice of inSlices(ops)) await this.col.bulkWrite(slice, { ordered: false });
  }

  /** Every watched source's last verdict (the instances not evaluating read these for their gauges). */
  async verdicts(sourceIds: string[]): Promise<Map<string, HealthVerdict>> {
    const docs = await this.col.find({ _id: { $in: sourceIds } }, { projection: { verdict: 1 } }).toArray();
    return new Map(docs.flatMap((d) => (d.verdict ? [[d._id, d.verdict] as const] : [])));
  }
}
