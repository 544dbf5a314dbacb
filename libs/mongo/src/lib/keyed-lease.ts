import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { mongo } from 'mongoose';

export interface KeyedLeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const DUPLICATE_KEY = 11000;

function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; writeErrors?: { code?: number }[] } | null;
  return e?.code === DUPLICATE_KEY || (e?.writeErrors?.length ? e.writeErrors.every((w) => w.code === DUPLICATE_KEY) : false);
}

export type Held<T> = { held: true; value: T } | { held: false };

/**
 * Leases on named things (one document each, `_id` = the key: FerretDB
 * indexes nothing else), so that of several instances exactly one works on
 * a thing at a time. Taken by one conditional upsert (free, expired, or
 * already ours), renewed every third of the TTL while the work runs,
 * released by one delete. An instance that dies holding one blocks the key
 * for the TTL at most. Without fencing tokens: a holder that stalls past its
 * lease is told (its signal aborts at the next renewal) and must stop before
 * it acts again; what it did meanwhile must be safe to repeat.
 * Used by the poller (a lease per source: `holdIfFree`) and the deduplicator
 * (one lease for chunks, waited for: `hold`).
 */
export class KeyedLease {
  constructor(
    private readonly col: mongo.Collection<KeyedLeaseDoc>,
    private readonly ttlMs: number,
    readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  ) {}

  async tryAcquire(key: string): Promise<boolean> {
    const now = new Date();
    try {
      await this.col.updateOne(
        { _id: key, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner: this.owner, expiresAt: new Date(now.getTime() + this.ttlMs) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      // The lease exists and is someone else's: the upsert's insert hit its `_id`.
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Whether the lease is still ours (false once another instance took it over). */
  async renew(key: string): Promise<boolean> {
    const res = await this.col.updateOne({ _id: key, owner: this.owner }, { $set: { expiresAt: new Date(Date.now() + this.ttlMs) } });
    return res.matchedCount === 1;
  }

  async release(key: string): Promise<void> {
    await this.col.deleteOne({ _id: key, owner: this.owner });
  }

  /**
   * Runs `work` holding `key`'s lease, or returns `{ held: false }` at once
   * when another instance holds it. `lost` aborts when a renewal finds the
   * lease gone; a renewal the store does not answer leaves it running out, as a crash would.
   */
  async holdIfFree<T>(key: string, work: (lost: AbortSignal) => Promise<T>): Promise<Held<T>> {
    if (!(await this.tryAcquire(key))) return { held: false };
    return { held: true, value: await this.runHolding(key, work) };
  }

  /**
   * Waits until `key`'s lease is ours, asking again after `pollMs` (jittered,
   * doubling up to eight times that while it waits), then runs `work` holding it.
   */
  async hold<T>(key: string, pollMs: number, work: (lost: AbortSignal) => Promise<T>): Promise<T> {
    for (let wait = pollMs; !(await this.tryAcquire(key)); wait = Math.min(wait * 2, pollMs * 8)) await sleep(wait * (0.5 + Math.random()));
    return this.runHolding(key, work);
  }

  /** `work` with the lease renewed every third of the TTL, released after (the caller has just taken it). */
  private async runHolding<T>(key: string, work: (lost: AbortSignal) => Promise<T>): Promise<T> {
    const lost = new AbortController();
    const renewal = setInterval(() => {
      this.renew(key).then(
        (ours) => {
          if (!ours) lost.abort(new Error(`lease on ${key} was taken over`));
        },
        () => undefined,
      );
    }, this.ttlMs / 3);
    try {
      return await work(lost.signal);
    } finally {
      clearInterval(renewal);
      // Not released (the store went away): it expires.
      await this.release(key).catch(() => undefined);
    }
  }
}
