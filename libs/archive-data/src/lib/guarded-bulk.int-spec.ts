import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import { type Connection, Schema } from 'mongoose';
import { ArticleRepository } from './article.repository';
import { type GuardedWrite, guardedBulkWrite, insertFlags, MAX_UPDATES_PER_COMMAND } from './guarded-bulk';

/**
 * A chunk of new versions of stories already stored modifies one document per
 * message. FerretDB 1.24 never answered one update command modifying 100 or
 * more documents, so a chunk this size used to stall storage for good.
 */
describe('a chunk of new versions of stored stories, larger than one update command', () => {
  let db: Connection;
  let repo: ArticleRepository;

  beforeEach(async () => {
    db = await connectMongo(testEnv('guarded-bulk')['MONGODB_URI']);
    repo = new ArticleRepository(db);
    await repo.ensureIndexes();
  });

  afterEach(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('stores every newer version, and settles a stale one in the middle without stopping the rest', async () => {
    const count = 2 * MAX_UPDATES_PER_COMMAND + 20;
    const uris = Array.from({ length: count }, (_, i) => `urn:wire:bulk-${i}`);
    const first = await repo.storeMany(uris.map((uri) => storyVersion({ uri, version: 2 })));
    expect(first.every((r) => r.outcome === 'stored')).toBe(true);

    // Version 3 of every story, except one near the end that is older than what is stored (the
    // ordered write stops there, so everything before it goes through in one go).
    const stale = count - 3;
    const next = uris.map((uri, i) => storyVersion({ uri, version: i === stale ? 1 : 3, headline: `Version ${i === stale ? 1 : 3} of ${uri}` }));
    const outcomes = await repo.storeMany(next);

    expect(outcomes.filter((r) => r.outcome === 'stored')).toHaveLength(count - 1);
    expect(outcomes[stale].outcome).toBe('stale-recorded');
    const stored = await repo.findByStoryKey(`test wire|${uris[count - 1]}`);
    expect(stored).toMatchObject({ version: 3, headline: `Version 3 of ${uris[count - 1]}` });
    expect((await repo.findByStoryKey(`test wire|${uris[stale]}`))?.version).toBe(2);
  }, 60_000);
});

describe('guardedBulkWrite on the store', () => {
  let db: Connection;

  beforeEach(async () => {
    db = await connectMongo(testEnv('guarded-report')['MONGODB_URI']);
  });

  afterEach(async () => {
    await db.dropDatabase();
    await db.close();
  });

  const write = (key: string, rank: string): GuardedWrite => ({
    storyKey: key,
    articleId: `${key}@${rank}`,
    rank,
    kill: false,
    op: { updateOne: { filter: { _id: key, rank: { $lt: rank } }, update: { $set: { rank, articleId: `${key}@${rank}` }, $setOnInsert: { storedAt: new Date(0) } }, upsert: true } },
  });

  it('says which writes created their document, so storage need not read back their storedAt', async () => {
    const model = db.model('GuardedReport', new Schema({ _id: String }, { strict: false }), 'guarded_report') as never;
    const first = await guardedBulkWrite(model, [write('a', '1'), write('b', '1')]);
    expect(first).toEqual({ applied: [true, true], created: [true, true] });
    // 'a' is updated, 'c' is new: only 'c' was created by this write.
    const second = await guardedBulkWrite(model, [write('a', '2'), write('c', '1')]);
    expect(second).toEqual({ applied: [true, true], created: [false, true] });
    // A stale write collides: after the collision nothing is said to be created (storage reads those back).
    const third = await guardedBulkWrite(model, [write('b', '0'), write('d', '1')]);
    expect(third.applied).toEqual([false, true]);
    expect(third.created[0]).toBe(false);
  });

  it('says which $setOnInsert upserts inserted, by id: an existing one before a new one is not mistaken for it', async () => {
    const model = db.model('InsertFlags', new Schema({ _id: String }, { strict: false }), 'insert_flags') as never;
    const upsert = (id: string) => ({ updateOne: { filter: { _id: id }, update: { $setOnInsert: { at: 1 } }, upsert: true } });
    expect(await insertFlags(model, [upsert('x')])).toEqual([true]);
    expect(await insertFlags(model, [upsert('x'), upsert('y'), upsert('y'), upsert('z')])).toEqual([false, true, false, true]);
  });
});
