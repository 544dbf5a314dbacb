import type { Connection } from 'mongoose';
import { testEnv } from '@newswire/testing';
import { connectMongo } from './mongo';

/**
 * What the project's leases, version guards, dedup story compare-and-set and
 * feed-health counters take from the store: each single-document write is
 * atomic against concurrent writers, as on MongoDB. Stock FerretDB 1.24 fails
 * every case here (it reads, then writes, with nothing in between); the local
 * stack's build locks the collection from read to write
 * (tools/infra/ferretdb/newswire_write_lock.go).
 */
describe('single-document writes are atomic on the real store', () => {
  let db: Connection;
  const writers = 8;
  beforeAll(async () => {
    db = await connectMongo(testEnv('write-atomicity')['MONGODB_URI']);
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });
  const at = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));

  it('counts every concurrent $inc, through upserts of new documents too', async () => {
    const col = db.db!.collection<{ _id: string; n: number }>('counters');
    await col.insertOne({ _id: 'existing', n: 0 });
    await at(40, () => col.updateOne({ _id: 'existing' }, { $inc: { n: 1 } }));
    for (let round = 0; round < 10; round++) {
      await at(writers, () => col.bulkWrite([{ updateOne: { filter: { _id: `new-${round}` }, update: { $inc: { n: 1 } }, upsert: true } }], { ordered: false }));
    }
    const docs = await col.find({}).toArray();
    expect(docs.find((d) => d._id === 'existing')?.n).toBe(40);
    expect(docs.filter((d) => d._id.startsWith('new-')).map((d) => d.n)).toEqual(Array(10).fill(writers));
  });

  it('lets exactly one of several concurrent conditional updates of a document win', async () => {
    const col = db.db!.collection<{ _id: string; rev: number }>('revs');
    const winners: number[] = [];
    for (let round = 0; round < 15; round++) {
      await col.insertOne({ _id: `doc-${round}`, rev: 0 });
      const results = await at(writers, (i) => col.updateOne({ _id: `doc-${round}`, rev: 0 }, { $set: { rev: i + 1 } }));
      winners.push(results.filter((r) => r.modifiedCount === 1).length);
    }
    expect(winners).toEqual(Array(15).fill(1));
  });

  it('deletes a document only while it still matches', async () => {
    const col = db.db!.collection<{ _id: string; owner: string }>('leases');
    for (let round = 0; round < 15; round++) {
      await col.insertOne({ _id: `lease-${round}`, owner: 'a' });
      // One writer hands the lease to b while a releases its own: b's must survive whichever comes first.
      const [taken, released] = await Promise.all([
        col.updateOne({ _id: `lease-${round}`, owner: 'a' }, { $set: { owner: 'b' } }),
        col.deleteOne({ _id: `lease-${round}`, owner: 'a' }),
      ]);
      expect(taken.modifiedCount + released.deletedCount).toBe(1);
      expect(await col.countDocuments({ _id: `lease-${round}` })).toBe(taken.modifiedCount);
    }
  });
});
