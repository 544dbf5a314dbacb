import type { Offsets, TopicOffsets } from 'kafkajs';

/**
 * Commits the offsets of the chunks that finish at about the same moment in one OffsetCommit request, one request at a
 * time.
 *
 * kafkajs commits after every partition's batch, and batches handled concurrently each send their own request with the
 * same offsets (its offset manager marks them committed only once a request is answered): on bench:hops at 60 stories/s
 * every stage sent one OffsetCommit per chunk, as many as its Produce requests, three per fetch. A caller here waits for
 * the request that carries its offset, so a chunk still counts as done only once its offset is committed, and nothing
 * is committed before the chunk's outputs are acknowledged (the caller commits after publishing).
 */
export interface PartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read, as kafkajs' commitOffsets takes it. */
  offset: string;
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class OffsetCommitter {
  private pending = new Map<string, PartitionOffset>();
  private waiters: Waiter[] = [];
  private inFlight = false;
  private scheduled = false;

  constructor(private readonly send: (offsets: PartitionOffset[]) => Promise<void>) {}

  /**
   * Resolves once `offset` is committed for the partition (in a request shared with other partitions' offsets);
   * rejects with the request's error, which then concerns the group (a rebalance), not one partition.
   */
  commit(offset: PartitionOffset): Promise<void> {
    // A partition's chunks commit one after the other, so a later offset never arrives before an earlier one.
    this.pending.set(`${offset.topic}\u0000${offset.partition}`, offset);
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.schedule();
    });
  }

  /** After the current turn of the event loop, so the chunks finishing in it join; never beside a request in flight. */
  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const offsets = [...this.pending.values()];
    const waiters = this.waiters;
    this.pending = new Map();
    this.waiters = [];
    this.inFlight = true;
    try {
      await this.send(offsets);
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    } finally {
      this.inFlight = false;
      if (this.waiters.length) this.schedule();
    }
  }
}

/** Offsets in the shape kafkajs's eachBatch commit takes. */
export function byTopic(offsets: PartitionOffset[]): Offsets {
  const topics = new Map<string, TopicOffsets>();
  for (const { topic, partition, offset } of offsets) {
    const entry = topics.get(topic) ?? { topic, partitions: [] };
    entry.partitions.push({ partition, offset });
    topics.set(topic, entry);
  }
  return { topics: [...topics.values()] };
}
