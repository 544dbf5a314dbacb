import type { mongo } from 'mongoose';
import { withDeadline } from '@newswire/errors';
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
 * How long a caller of this instance waits for the one before it. A holder whose store call is never
 * answered never settles (CI's store-down fault case: the stage gave the call up as stalled, and every
 * retry then queued behind it for good); past this wait the next caller goes ahead, as another instance
 * would after the lease's TTL (the lease is this instance's, so it re-enters).
 */
export const LOCAL_QUEUE_WAIT_MS = 30_000;

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

  hold<T>(work: () => Promise<T>, localWaitMs = LOCAL_QUEUE_WAIT_MS): Promise<T> {
    const run = settledOrAfter(this.local, localWaitMs).then(() => this.lease.hold(this.name, this.o.pollMs, () => work()));
    this.local = run.catch(() => undefined);
    return run;
  }
}

/** Resolves when `previous` settles or after `ms`, whichever comes first. */
function settledOrAfter(previous: Promise<unknown>, ms: number): Promise<void> {
  return withDeadline(previous, ms, 'the chunk before').then(
    () => undefined,
    () => undefined,
  );
}
