import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, mongo } from 'mongoose';
import { collection, COLLECTIONS } from '@newswire/dedup-data';
import { isDuplicateKey, storeOp } from '@newswire/dedup-data';

export interface StoryVersion {
  articleId: string;
  rank: string;
  version?: number;
  versionCreated?: string;
  pubStatus: string;
  at: Date;
}

/** `_id` is the story key (source|uri): one record per story, whatever its versions. */
export interface StoryDoc {
  _id: string;
  rank: string;
  currentArticleId: string;
  clusterId?: string;
  pubStatus: string;
  killed?: boolean;
  firstSeenAt: Date;
  updatedAt: Date;
  /** The latest few versions, oldest first, stale arrivals included. */
  history: StoryVersion[];
}

export type Advance =
  | { outcome: 'first'; story: StoryDoc }
  | { outcome: 'newer'; previous: StoryDoc }
  /** Not newer than what is stored: `story` is the current state. */
  | { outcome: 'not-newer'; story: StoryDoc };

export const HISTORY_LIMIT = 10;

export class StoryRepository {
  readonly col: mongo.Collection<StoryDoc>;

  /** With a tracer, each store call is a span (dedup.stories.<method>). */
  constructor(connection: Connection, tracer?: Tracer) {
    this.col = collection<StoryDoc>(connection, COLLECTIONS.stories);
    withStoreSpans<StoryRepository>(this, tracer, 'dedup.stories', ['advance', 'recordStale', 'setCluster', 'get']);
  }

  /**
   * Stores the version only if it ranks above the stored one, in one
   * conditional upsert: when the filter misses because the story exists
   * with an equal or higher rank, the upsert's insert hits the unique `_id`
   * (11000), which means "not newer". No read decides the write.
   */
  async advance(storyKey: string, v: StoryVersion): Promise<Advance> {
    const now = new Date();
    try {
      const before = await storeOp('story advance', () =>
        this.col.findOneAndUpdate(
          { _id: storyKey, rank: { $lt: v.rank } },
          {
            $set: { rank: v.rank, currentArticleId: v.articleId, pubStatus: v.pubStatus, updatedAt: now, ...(v.pubStatus === 'canceled' ? { killed: true } : {}) },
            $setOnInsert: { firstSeenAt: now },
            $push: { history: clean(v) },
          },
          { upsert: true, returnDocument: 'before' },
        ),
      );
      if (before) {
        await this.trim(storyKey, before.history.length + 1);
        return { outcome: 'newer', previous: before };
      }
      return { outcome: 'first', story: (await this.get(storyKey)) as StoryDoc };
    } catch (err) {
      const cause = (err as { cause?: unknown }).cause ?? err;
      if (!isDuplicateKey(cause)) throw err;
      const story = await this.get(storyKey);
      if (!story) throw err;
      return { outcome: 'not-newer', story };
    }
  }

  /** A late version is kept in the history (once) without touching the current one. */
  async recordStale(storyKey: string, v: StoryVersion, story: StoryDoc): Promise<void> {
    if (story.history.some((h) => h.articleId === v.articleId)) return;
    await storeOp('story stale', () => this.col.updateOne({ _id: storyKey }, { $push: { history: clean(v) }, ...(v.pubStatus === 'canceled' ? { $set: { killed: true } } : {}) }));
    await this.trim(storyKey, story.history.length + 1);
  }

  /** The cluster of a story is decided after its first version was claimed. */
  async setCluster(storyKey: string, clusterId: string): Promise<void> {
    await storeOp('story cluster', () => this.col.updateOne({ _id: storyKey }, { $set: { clusterId } }));
  }

  get(storyKey: string): Promise<StoryDoc | null> {
    return storeOp('story lookup', () => this.col.findOne({ _id: storyKey }));
  }

  // FerretDB 1.x ignores `$push: {$slice}`, so the history is trimmed with `$pop`.
  private async trim(storyKey: string, length: number): Promise<void> {
    if (length <= HISTORY_LIMIT) return;
    await storeOp('story trim', () => this.col.updateOne({ _id: storyKey }, { $pop: { history: -1 } }));
  }
}

function clean(v: StoryVersion): StoryVersion {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as unknown as StoryVersion;
}
