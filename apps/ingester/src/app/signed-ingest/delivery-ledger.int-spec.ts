import type { Connection } from 'mongoose';
import { connectMongo } from '@newswire/mongo';
import { testEnv } from '@newswire/testing';
import { DeliveryLedger } from './delivery-ledger';

describe('delivery ledger on a real store', () => {
  let db: Connection;

  beforeAll(async () => {
    db = await connectMongo(testEnv('ingest-ledger')['MONGODB_URI']);
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('claims a delivery once, reports it in progress, then replays its recorded answer', async () => {
    const ledger = new DeliveryLedger(db, 60_000);
    await ledger.ensureIndexes();
    const first = await ledger.claim('acme', 'd1');
    expect(first.kind).toBe('claimed');
    expect(await ledger.claim('acme', 'd1')).toMatchObject({ kind: 'in-progress', retryAfterSeconds: expect.any(Number) });
    // Another source's delivery with the same id is a different delivery.
    expect((await ledger.claim('beta', 'd1')).kind).toBe('claimed');
    if (first.kind !== 'claimed') throw new Error('unreachable');
    await ledger.complete(first, 202, { id: 'a1', 'odd.key': 1, $weird: true });
    expect(await ledger.claim('acme', 'd1')).toEqual({ kind: 'answered', status: 202, body: { id: 'a1', 'odd.key': 1, $weird: true } });
  });

  it('gives one claim to one of many concurrent attempts', async () => {
    const ledger = new DeliveryLedger(db, 60_000);
    const claims = await Promise.all(Array.from({ length: 8 }, () => ledger.claim('acme', 'race')));
    expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in-progress')).toHaveLength(7);
  });

  it('releases a failed attempt so the retry is claimed again; only the holder can release or complete', async () => {
    const ledger = new DeliveryLedger(db, 60_000);
    const claim = await ledger.claim('acme', 'failing');
    if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
    await ledger.release({ id: claim.id, owner: 'someone-else' });
    await ledger.complete({ id: claim.id, owner: 'someone-else' }, 202, {});
    expect((await ledger.claim('acme', 'failing')).kind).toBe('in-progress');
    await ledger.release(claim);
    expect((await ledger.claim('acme', 'failing')).kind).toBe('claimed');
  });

  it('lets a new attempt take over a claim whose holder vanished (lease over)', async () => {
    const ledger = new DeliveryLedger(db, 60_000, 1_000);
    const t0 = new Date('2026-01-01T00:00:00Z');
    const crashed = await ledger.claim('acme', 'orphan', t0);
    expect(crashed.kind).toBe('claimed');
    expect((await ledger.claim('acme', 'orphan', new Date(t0.getTime() + 500))).kind).toBe('in-progress');
    const taken = await ledger.claim('acme', 'orphan', new Date(t0.getTime() + 1_500));
    expect(taken.kind).toBe('claimed');
    // The vanished holder, coming back, can no longer record an answer over the new attempt.
    if (crashed.kind !== 'claimed' || taken.kind !== 'claimed') throw new Error('unreachable');
    await ledger.complete(crashed, 202, { late: true });
    expect((await ledger.claim('acme', 'orphan', new Date(t0.getTime() + 1_600))).kind).toBe('in-progress');
  });

  it('purges records past their retention and keeps the rest', async () => {
    const ledger = new DeliveryLedger(db, 10 * 60_000);
    const t0 = new Date('2020-01-01T00:00:00Z');
    await ledger.claim('purge', 'old', t0);
    await ledger.claim('purge', 'recent', new Date(t0.getTime() + 9 * 60_000));
    expect(await ledger.purge(new Date(t0.getTime() + 10 * 60_000 + 1))).toBe(1);
    expect((await ledger.claim('purge', 'old', new Date(t0.getTime() + 11 * 60_000))).kind).toBe('claimed');
    expect((await ledger.claim('purge', 'recent', new Date(t0.getTime() + 11 * 60_000))).kind).toBe('in-progress');
  });

  it('tells whether the store answers', async () => {
    expect(await new DeliveryLedger(db, 60_000).reachable()).toBe(true);
  });
});
