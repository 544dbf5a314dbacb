import type { Connection } from 'mongoose';
import { askUntil, testEnv } from '@newswire/testing';
import { type KeyedLeaseDoc, KeyedLease } from './keyed-lease';
import { connectMongo } from './mongo';

describe('KeyedLease on the real store', () => {
  let db: Connection;
  beforeAll(async () => {
    db = await connectMongo(testEnv('keyed-lease')['MONGODB_URI']);
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });
  const leases = (ttlMs: number) => {
    const col = db.db!.collection<KeyedLeaseDoc>(`leases_${ttlMs}`);
    return [new KeyedLease(col, ttlMs, 'a'), new KeyedLease(col, ttlMs, 'b')] as const;
  };

  it('gives each key to one holder at a time, keys independently, and frees it on release', async () => {
    const [a, b] = leases(30_000);
    const inA = await a.holdIfFree('feed-1', async () => {
      expect(await b.holdIfFree('feed-1', async () => 'b ran')).toEqual({ held: false });
      expect(await b.holdIfFree('feed-2', async () => 'b ran')).toEqual({ held: true, value: 'b ran' });
      return 'a ran';
    });
    expect(inA).toEqual({ held: true, value: 'a ran' });
    expect(await b.holdIfFree('feed-1', async () => 'b ran')).toEqual({ held: true, value: 'b ran' });
  });

  it('lets another instance take a lease its dead holder left, once it expired', async () => {
    const [a, b] = leases(400);
    // Before a's acquire: its TTL runs from a moment inside that call, which a loaded store may take a while to answer.
    const started = Date.now();
    expect(await a.tryAcquire('feed-x')).toBe(true);
    expect(await b.tryAcquire('feed-x')).toBe(false);
    // `a` never renews nor releases (it "died"): `b` gets the key once the TTL has passed, not before.
    await askUntil('b takes the expired lease', () => b.tryAcquire('feed-x'), (ok) => ok, 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(await a.renew('feed-x')).toBe(false);
  });

  it('tells a holder whose lease was taken over while it stalled', async () => {
    const [a, b] = leases(300);
    const outcome = await a.holdIfFree('feed-y', async (lost) => {
      // Someone else holds it now (as after a stall past the TTL): the next renewal notices.
      await db.db!.collection<KeyedLeaseDoc>('leases_300').updateOne({ _id: 'feed-y' }, { $set: { owner: 'b' } });
      await new Promise<void>((resolve) => lost.addEventListener('abort', () => resolve(), { once: true }));
      return lost.aborted;
    });
    expect(outcome).toEqual({ held: true, value: true });
    // The release is conditional on the owner: b's lease survives a's release.
    expect(await a.tryAcquire('feed-y')).toBe(false);
    expect(await b.renew('feed-y')).toBe(true);
  });
});
