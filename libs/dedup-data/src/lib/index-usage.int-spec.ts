import { connectMongo } from '@newswire/mongo';
import { testEnv } from '@newswire/testing';
import mongoose, { type Connection } from 'mongoose';
import { collection, COLLECTIONS } from './collections';
import { IdReader, IDS_PER_READ } from './id-reads';
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
  let uri: string;

  beforeAll(async () => {
    uri = testEnv('dedup-index')['MONGODB_URI'];
    db = await connectMongo(uri);
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

  it('reads many ids in one indexed find per slice ($in), where the store serves it from the _id index', async () => {
    const col = collection<{ _id: string; n: number }>(db, 'id_reads');
    const ids = Array.from({ length: IDS_PER_READ + 20 }, (_, i) => `key-${i}`);
    await col.insertMany(ids.map((_id, n) => ({ _id, n })));
    expect(usesIndex(await col.find({ _id: { $in: ids.slice(0, IDS_PER_READ) } }).explain())).toBe(true);

    // The reader's own connection, with command events, to count what it sends.
    const monitored = await mongoose.createConnection(uri, { monitorCommands: true, autoIndex: false }).asPromise();
    const finds: unknown[] = [];
    monitored.getClient().on('commandStarted', (e) => e.commandName === 'find' && e.command['find'] === 'id_reads' && finds.push(e.command['filter']));
    try {
      const read = await new IdReader(monitored).read(collection<{ _id: string; n: number }>(monitored, 'id_reads'), [...ids, 'absent', ids[0]]);
      expect(read.size).toBe(ids.length);
      expect(read.get('key-7')?.n).toBe(7);
      expect(read.has('absent')).toBe(false);
      // Two slices of at most IDS_PER_READ ids, not one find per id.
      expect(finds).toHaveLength(2);
    } finally {
      await monitored.close();
    }
  });
});
