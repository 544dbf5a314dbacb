import { connectMongo } from '@newswire/mongo';
import { testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { collection, COLLECTIONS } from './collections';
import { MongoDedupStore } from './mongo-dedup-store';

/**
 * The dedup index stays fast as the archive grows only if every lookup is
 * answered from an index. This reads the server's own query plan for the
 * exact filter shapes the adapter sends, on FerretDB (SQLite plan text)
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

  it('answers band-key, further-hold, story, conditional story and lease lookups from the _id index', async () => {
    const store = new MongoDedupStore(db);
    const at = Date.now();
    await store.claimBands(['0:aa', '1:bb', '2:cc'].map((key) => ({ key, articleId: 'a1', clusterId: 'a1', at })), new Date(0));
    const bands = collection<{ _id: string }>(db, COLLECTIONS.bands);
    expect(await bands.countDocuments()).toBe(3);
    expect(usesIndex(await bands.find({ _id: '1:bb' }).explain())).toBe(true);
    // The further-hold guard (holdFurther's update filter): the key, then conditions on its holders.
    expect(usesIndex(await bands.find({ _id: '1:bb', $nor: [{ articleId: 'a2' }, { 'more.articleId': 'a2' }, { 'more.2': { $exists: true } }] }).explain())).toBe(true);

    const stories = collection<{ _id: string; rev: string }>(db, COLLECTIONS.stories);
    await stories.insertOne({ _id: 'src|uri-1', rev: 'r1' });
    // The replace guard: one conditional write whose filter carries the _id and the write token.
    expect(usesIndex(await stories.find({ _id: 'src|uri-1', rev: 'r1' }).explain())).toBe(true);
    expect(usesIndex(await stories.find({ _id: 'src|uri-1', rev: { $exists: false } }).explain())).toBe(true);

    const leases = collection<{ _id: string }>(db, COLLECTIONS.leases);
    await store.exclusive(async () => expect(await leases.countDocuments()).toBe(1));
    expect(usesIndex(await leases.find({ _id: 'chunk', $or: [{ owner: 'x' }, { expiresAt: { $lt: new Date() } }] }).explain())).toBe(true);
  });
});
