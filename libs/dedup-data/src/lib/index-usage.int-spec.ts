import { connectMongo } from '@newswire/mongo';
import { testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { BandRepository } from './band.repository';
import { collection, COLLECTIONS } from './collections';

/**
 * The dedup index stays fast as the archive grows only if every lookup is
 * answered from an index. This reads the server's own query plan for the
 * exact filter shapes the repositories send, on FerretDB (SQLite plan text)
 * and on MongoDB (winning plan stage).
 */
function usesIndex(explain: Record<string, unknown>): boolean {
  const plan = JSON.stringify(explain['queryPlanner'] ?? {});
  const server = (explain['serverInfo'] ?? {}) as Record<string, unknown>;
  if ('ferretdbVersion' in server) return /SEARCH \S+ USING INDEX/.test(plan);
  return /IDHACK|EXPRESS_IXSCAN|IXSCAN/.test(plan) && !/COLLSCAN/.test(plan);
}

describe('dedup index lookups on the real store', () => {
  let db: Connection;

  beforeAll(async () => {
    db = await connectMongo(testEnv('dedup-index')['MONGODB_URI']);
  });

  afterAll(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('answers band-key and story lookups from the _id index, also with a version condition', async () => {
    const bands = new BandRepository(db);
    const owner = { articleId: 'a1', clusterId: 'a1', at: new Date() };
    await bands.claim(['0:aa', '1:bb', '2:cc'], [], owner, new Date(0));
    expect((await bands.lookup(['1:bb', '9:zz'])).map((c) => c.key)).toEqual(['1:bb']);

    const byKey = await bands.col.find({ _id: '1:bb' }).explain();
    expect(usesIndex(byKey)).toBe(true);

    const stories = collection<{ _id: string; rank: string }>(db, COLLECTIONS.stories);
    await stories.insertOne({ _id: 'src|uri-1', rank: '0001' });
    // The version guard: one conditional write whose filter carries the _id and the rank.
    const guarded = await stories.find({ _id: 'src|uri-1', rank: { $lt: '0002' } }).explain();
    expect(usesIndex(guarded)).toBe(true);
  });
});
