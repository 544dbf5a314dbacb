import type { Connection } from 'mongoose';
import { testEnv } from '@newswire/testing';
import { connectMongo } from './mongo';

/**
 * What the project's leases, version guards, dedup story compare-and-set and
 * feed-health counters take from the store: each single-document write is
 * atomic against concurrent writers, as on MongoDB. Stock FerretDB 1.24 fails
 * every case here (it reads, then writes, with nothing in between; and it
 * never answers an update command of 100 statements or more); the local
 * stack's build locks the collection from read to write
 * (tools/infra/ferretdb/newswire_write_lock.go) and closes each statement's
 * read when the statement is done (tools/infra/local-stack.mjs).
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

  it('answers an update command of many statements, and a concurrent write to the collection after it', async () => {
    const col = db.db!.collection<{ _id: string; n: number }>('many');
    const statements = 150;
    await col.insertMany(Array.from({ length: statements }, (_, i) => ({ _id: `m${i}`, n: 0 })));
    // Stock 1.24 never answers the bulk (and then holds the collection): the driver's own operation
    // timeout bounds both, so the test fails instead of hanging.
    const bound = { timeoutMS: 20_000 };
    const answered = (p: Promise<unknown>) => p.then(() => 'answered', (err: Error) => `no answer: ${err.message}`);
    const [bulk, single] = await Promise.all([
      answered(col.bulkWrite(Array.from({ length: statements }, (_, i) => ({ updateOne: { filter: { _id: `m${i}` }, update: { $inc: { n: 1 } } } })), { ordered: true, ...bound })),
      answered(col.updateOne({ _id: 'm0' }, { $inc: { n: 1 } }, bound)),
    ]);
    expect([bulk, single]).toEqual(['answered', 'answered']);
    expect((await col.find({}).toArray()).reduce((sum, d) => sum + d.n, 0)).toBe(statements + 1);
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
