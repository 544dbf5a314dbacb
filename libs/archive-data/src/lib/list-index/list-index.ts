import { inSlices } from '@newswire/mongo';
import type { Connection, mongo } from 'mongoose';
import { isDuplicateKeyError } from '../guarded-bulk';
import { type ColdDoc, decodePositions, type HotDoc, hotDocsOf, hotEntriesOf, hotPositionsOf, mergeCold, type Posting, weekOf } from './blocks';
import {
  AFTER,
  COLD_BLOCK_SIZE,
  COLD_SPAN_MS,
  coldPrefix,
  HOT_BUCKETS,
  HOT_PREFIX,
  HOT_SPAN_MS,
  hotBucketOf,
  hotPrefix,
  msPart,
  positionOf,
  READY_ID,
  REGISTRY_PREFIX,
  registryKey,
} from './keys';
import { BlockStream, MergedSource, type PositionBounds, type PositionSource, type RangeReader } from './streams';

export const LIST_INDEX_COLLECTION = 'article_index';
/** Positions of one list a read of hot documents aims at: about what a filtering list's check buffers (PositionQueue). */
const HOT_POSITIONS_PER_READ = 512;

/** A registry entry: the story (stories, if two share a position) at a position. */
export interface RegistryDoc {
  _id: string;
  k: string[];
}

type IndexDoc = RegistryDoc | HotDoc | ColdDoc | { _id: string; at: Date };

/** A story in the state just written, and the lists that state puts it in. */
export interface ListedStory {
  storyKey: string;
  storedAt: Date;
  lists: string[];
}

export interface ReadOptions {
  maxTimeMS?: number;
}

/**
 * The list index: for each value of each filterable field (a *list*: person X, language de,
 * search term "storm", ...) the positions (first-stored order) of the stories carrying it,
 * kept in documents keyed by `_id` alone, so that FerretDB answers every read from its `_id`
 * index (ranges, order and limit pushed down by the project's build; see local-stack.mjs).
 * MongoDB does not need it: there, compound indexes serve the same queries.
 *
 * - Registry `a~<position>` -> story keys: one per story, and the list of all stories.
 * - Hot documents `h~<bucket>~<newest position>~<tag>`: what one storage batch adds, lists
 *   hashed into HOT_BUCKETS buckets (a batch writes at most that many documents), positions
 *   within one hour each.
 * - Cold blocks `c~<list>~<newest position>~<tag>`: one list's positions within one week, at most
 *   COLD_BLOCK_SIZE each; compaction moves hot postings there.
 *
 * Postings are only ever added: a story that leaves a list (a correction, a kill) keeps its old
 * postings, and every candidate is checked against the stored story, so an extra posting costs a
 * read and a missing one would lose a result. Writers never overwrite each other's documents
 * (random tags), and compaction writes the merged block before deleting what it merged.
 */
export class ListIndex {
  readonly collection: mongo.Collection<IndexDoc>;

  constructor(connection: Connection) {
    this.collection = connection.collection(LIST_INDEX_COLLECTION) as unknown as mongo.Collection<IndexDoc>;
  }

  // ---- write side ----

  /**
   * Adds the stories' postings (idempotent: a repeat only adds repeats). The hot postings and the
   * registry entries go together, one round trip instead of two in series: a reader between the two
   * resolves a posting without its entry to nothing (`resolve`), or finds an entry without postings in
   * the list of all stories only; either is a story being written, which the stored event has not announced yet.
   */
  async record(stories: ListedStory[]): Promise<void> {
    if (stories.length === 0) return;
    const postings: Posting[] = [];
    const registry: mongo.AnyBulkWriteOperation<RegistryDoc>[] = [];
    for (const story of stories) {
      const position = positionOf(story.storyKey, story.storedAt);
      registry.push({ updateOne: { filter: { _id: registryKey(position) }, update: { $addToSet: { k: story.storyKey } }, upsert: true } });
      for (const list of story.lists) postings.push({ list, position });
    }
    const hot = hotDocsOf(postings);
    await Promise.all([hot.length ? this.collection.insertMany(hot as IndexDoc[], { ordered: false }) : undefined, this.upsertRegistry(registry)]);
  }

  /**
   * Registry upserts, in slices (FerretDB never answers an update command modifying 100 or more
   * documents); two writers racing to create one entry can collide (FerretDB does not retry), so those go again.
   */
  private async upsertRegistry(ops: mongo.AnyBulkWriteOperation<RegistryDoc>[]): Promise<void> {
    const registry = this.collection as unknown as mongo.Collection<RegistryDoc>;
    for (const slice of inSlices(ops)) {
      try {
        await registry.bulkWrite(slice, { ordered: true });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        for (const op of slice) if ('updateOne' in op) await registry.updateOne(op.updateOne.filter, op.updateOne.update, { upsert: true });
      }
    }
  }

  /**
   * Moves hot postings whose hour ended before `cutoff` into cold blocks, `maxHotDocs` hot
   * documents per bucket at most per call. Returns how many hot documents it moved.
   */
  async compact(cutoff: Date, maxHotDocs = 2000): Promise<number> {
    const hotRead = this.reader<HotDoc>();
    const below = msPart(cutoff.getTime() - HOT_SPAN_MS);
    let moved = 0;
    for (let b = 0; b < HOT_BUCKETS; b++) {
      const prefix = hotPrefix(b.toString(36).padStart(2, '0'));
      const docs = await hotRead(prefix, prefix + below, maxHotDocs);
      if (docs.length === 0) continue;
      const byListWeek = new Map<string, { list: string; positions: string[] }>();
      for (const doc of docs) {
        for (const [list, text] of hotEntriesOf(doc)) {
          for (const position of decodePositions(text)) {
            const key = `${list}|${weekOf(position)}`;
            const group = byListWeek.get(key) ?? { list, positions: [] };
            group.positions.push(position);
            byListWeek.set(key, group);
          }
        }
      }
      for (const { list, positions } of byListWeek.values()) await this.mergeIntoCold(list, positions);
      await this.collection.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
      moved += docs.length;
    }
    return moved;
  }

  private async mergeIntoCold(list: string, positions: string[]): Promise<void> {
    const prefix = coldPrefix(list);
    const week = weekOf(positions[0]);
    // Blocks of that week: their newest position lies within it.
    const existing = await this.reader<ColdDoc>()(prefix + msPart(week), prefix + msPart(week + COLD_SPAN_MS), 1000);
    const { write, remove } = mergeCold(list, existing, positions);
    if (write.length) await this.collection.insertMany(write as IndexDoc[], { ordered: false });
    if (remove.length) await this.collection.deleteMany({ _id: { $in: remove } });
  }

  async markReady(now = new Date()): Promise<void> {
    await this.collection.updateOne({ _id: READY_ID }, { $set: { at: now } }, { upsert: true });
  }

  async isReady(options: ReadOptions = {}): Promise<boolean> {
    return (await this.collection.findOne({ _id: READY_ID }, { maxTimeMS: options.maxTimeMS })) !== null;
  }

  /** Whether the store answers hinted `_id` ranges from its index, order and limit included (the patched FerretDB). */
  async answersRanges(): Promise<boolean> {
    const plan = await this.collection
      .find({ _id: { $gte: REGISTRY_PREFIX, $lt: REGISTRY_PREFIX + AFTER } })
      .sort({ _id: -1 })
      .limit(1)
      .hint({ _id: 1 })
      .explain();
    const p = plan as { filterPushdown?: boolean; sortPushdown?: boolean; limitPushdown?: boolean };
    return p.filterPushdown === true && p.sortPushdown === true && p.limitPushdown === true;
  }

  // ---- read side ----

  /** A hinted `_id` range read, newest first: on the patched FerretDB, one SQLite index range with its LIMIT. */
  reader<T extends { _id: string }>(options: ReadOptions = {}): RangeReader<T> {
    return (low, high, limit) =>
      this.collection
        .find({ _id: { $gte: low, $lt: high } }, { maxTimeMS: options.maxTimeMS })
        .sort({ _id: -1 })
        .limit(limit)
        .hint({ _id: 1 })
        .toArray() as unknown as Promise<T[]>;
  }

  /** One list's positions within bounds: its hot and cold postings merged. */
  listSource(list: string, bounds: PositionBounds, options: ReadOptions = {}): PositionSource {
    // Hot documents hold the lists of a whole bucket, few of one list's positions each: a list
    // missing from the first ones is read through in large reads.
    const hot = new BlockStream<HotDoc>(this.reader<HotDoc>(options), hotPrefix(hotBucketOf(list)), HOT_SPAN_MS, (d) => hotPositionsOf(d, list), bounds, 8, HOT_POSITIONS_PER_READ);
    // A cold block holds up to COLD_BLOCK_SIZE positions: one or two usually serve a page; a rare
    // list's blocks are small (one per week), so later reads take as many as hold about one full block.
    const cold = new BlockStream<ColdDoc>(this.reader<ColdDoc>(options), coldPrefix(list), COLD_SPAN_MS, (d) => d.e, bounds, 2, COLD_BLOCK_SIZE);
    return new MergedSource([hot, cold]);
  }

  /** Registry entries within bounds, newest first. */
  async registryPage(bounds: PositionBounds, limit: number, options: ReadOptions = {}): Promise<RegistryDoc[]> {
    const low = REGISTRY_PREFIX + (bounds.lower ?? '');
    const high = REGISTRY_PREFIX + (bounds.upper ?? AFTER);
    return this.reader<RegistryDoc>(options)(low, high, limit);
  }

  /** The story keys at these positions. */
  async resolve(positions: string[], options: ReadOptions = {}): Promise<{ position: string; key: string }[]> {
    const entries: { position: string; key: string }[] = [];
    for (let i = 0; i < positions.length; i += 1000) {
      const docs = (await this.collection
        .find({ _id: { $in: positions.slice(i, i + 1000).map(registryKey) } }, { maxTimeMS: options.maxTimeMS })
        .toArray()) as RegistryDoc[];
      for (const doc of docs) for (const key of doc.k) entries.push({ position: doc._id.slice(REGISTRY_PREFIX.length), key });
    }
    return entries;
  }

  /** Every document of the index (tests, tools). */
  async counts(): Promise<{ registry: number; hot: number; cold: number }> {
    const count = (prefix: string) => this.collection.countDocuments({ _id: { $gte: prefix, $lt: prefix + AFTER } });
    return { registry: await count(REGISTRY_PREFIX), hot: await count(HOT_PREFIX), cold: await count('c~') };
  }
}
