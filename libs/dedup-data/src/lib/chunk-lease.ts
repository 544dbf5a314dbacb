import type { mongo } from 'mongoose';
import { KeyedLease, type KeyedLeaseDoc } from '@newswire/mongo';

export type LeaseDoc = KeyedLeaseDoc;

export interface LeaseOptions {
  /** A holder that stops (a crash) blocks the others this long at most; a live holder renews it every third of it. */
  ttlMs: number;
  /** How soon a waiting instance asks again (jittered, doubling up to eight times this while it waits). */
  pollMs: number;
}

export const DEFAULT_LEASE: LeaseOptions = { ttlMs: 5_000, pollMs: 5 };

/**
 * One deduplicator at a time runs a chunk against the store. Chunks claim
 * and decide in bulk, so two racing chunks could each win part of the band
 * keys of one story and end in two clusters; holding the lease, every chunk
 * sees the ones before it settled. The store's `KeyedLease` protocol on one
 * key (one conditional upsert to take it, renewed while the chunk runs, one
 * delete to release it), waited for. Without fencing: a holder that stalls
 * past its lease (a store that does not answer) races the next one, which the
 * claims still keep correct (one original per text), if not always in one cluster.
 */
export class ChunkLease {
  private readonly lease: KeyedLease;
  /** The lease is this instance's, not a caller's: callers of one instance queue here first. */
  private local: Promise<unknown> = Promise.resolve();

  constructor(
    col: mongo.Collection<LeaseDoc>,
    private readonly o: LeaseOptions = DEFAULT_LEASE,
    private readonly name = 'chunk',
  ) {
    this.lease = new KeyedLease(col, o.ttlMs);
  }

  get owner(): string {
    return this.lease.owner;
  }

  hold<T>(work: () => Promise<T>): Promise<T> {
    const run = this.local.then(() => this.lease.hold(this.name, this.o.pollMs, () => work()));
    this.local = run.catch(() => undefined);
    return run;
  }
}
