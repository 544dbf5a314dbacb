import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { ArticleRepository } from './article.repository';
import { MAX_UPDATES_PER_COMMAND } from './guarded-bulk';

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
