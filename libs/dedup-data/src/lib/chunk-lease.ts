import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { mongo } from 'mongoose';
import { isDuplicateKey } from './store-errors';

export interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

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
 * sees the ones before it settled. Acquired by one conditional upsert (a
 * free, expired or already-ours lease), renewed while the chunk runs,
 * released by one delete. Without fencing: a holder that stalls past its
 * lease (a store that does not answer) races the next one, which the claims
 * still keep correct (one original per text), if not always in one cluster.
 */
export class ChunkLease {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  /** The lease is this instance's, not a caller's: callers of one instance queue here first. */
  private local: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly col: mongo.Collection<LeaseDoc>,
    private readonly o: LeaseOptions = DEFAULT_LEASE,
    private readonly name = 'chunk',
  ) {}

  hold<T>(work: () => Promise<T>): Promise<T> {
    const run = this.local.then(() => this.holdOnce(work));
    this.local = run.catch(() => undefined);
    return run;
  }

  private async holdOnce<T>(work: () => Promise<T>): Promise<T> {
    for (let wait = this.o.pollMs; !(await this.tryAcquire()); wait = Math.min(wait * 2, this.o.pollMs * 8)) await sleep(wait * (0.5 + Math.random()));
    const renewal = setInterval(() => void this.renew(), this.o.ttlMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      // Not released (the store went away): it expires, and we take it back first if we come back first.
      await this.col.deleteOne({ _id: this.name, owner: this.owner }).catch(() => undefined);
    }
  }

  /** A renewal that fails (the store went away) lets the lease run out, as a crash would. */
  private async renew(): Promise<void> {
    await this.col.updateOne({ _id: this.name, owner: this.owner }, { $set: { expiresAt: new Date(Date.now() + this.o.ttlMs) } }).catch(() => undefined);
  }

  private async tryAcquire(): Promise<boolean> {
    const now = new Date();
    try {
      await this.col.updateOne(
        { _id: this.name, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now.getTime() + this.o.ttlMs) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      // The lease exists and is someone else's: the upsert's insert hit its `_id`.
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}
