import fc from 'fast-check';
import { ArticleRepository } from '@newswire/archive-data';
import { type ArticleDeduplicated, storyKeyOf } from '@newswire/contracts';
import { decideChunk, DEFAULT_DEDUP_OPTIONS, MemoryDedupStore } from '@newswire/dedup';
import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';

/** One version as an agency may send it: numbered or not, timed or not, received at some instant. */
interface Sent {
  version?: number;
  versionCreated?: string;
  receivedAt: string;
}

const instant = fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2024-01-03T00:00:00Z') }).map((ms) => new Date(ms).toISOString());
// Few distinct values, so equal numbers, equal times and mixed schemes are common.
const sent: fc.Arbitrary<Sent> = fc.record(
  {
    version: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    versionCreated: fc.option(fc.constantFrom('2024-01-01T08:00:00.000Z', '2024-01-01T09:00:00.000Z', '2024-01-02T08:00:00.000Z'), { nil: undefined }),
    receivedAt: instant,
  },
  { requiredKeys: ['receivedAt'] },
);
/** The versions of one story, then the order they arrive in. */
const story = fc.array(sent, { minLength: 1, maxLength: 5 }).chain((versions) =>
  fc.tuple(fc.constant(versions), fc.shuffledSubarray(versions.map((_, i) => i), { minLength: versions.length, maxLength: versions.length })),
);

/**
 * The deduplicator (its pure decision over an in-memory store) and storage (the real repository on
 * the real store) judge the same stream of versions: each arrival is a new version for one exactly
 * when it is for the other, and both end with the same version current, whatever the arrival order
 * and however the versions mix numbers, versionCreated and receipt times.
 */
describe('one version order: the deduplicator and storage agree', () => {
  let db: Connection;
  let repo: ArticleRepository;
  let run = 0;

  beforeAll(async () => {
    db = await connectMongo(testEnv('story-identity')['MONGODB_URI']);
    repo = new ArticleRepository(db);
    await repo.ensureIndexes();
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('on every ordering of versions, versionCreated and receivedAt', async () => {
    await fc.assert(
      fc.asyncProperty(story, async ([versions, order]) => {
        const uri = `urn:test:order-${++run}`;
        const dedupStore = new MemoryDedupStore();
        const messages = versions.map((v, i) => {
          // Distinct texts: the versions differ by content, so only the version order decides.
          const m = storyVersion({ uri, version: v.version, versionCreated: v.versionCreated, headline: `Order ${run}: take ${i}`, body: `Take ${i} of story ${run}: ${'word '.repeat(i * 7)}${['ports', 'rain', 'vote', 'grain', 'match'][i]} reported. `.repeat(3) });
          return { ...m, article: { ...m.article, source: { ...m.article.source, receivedAt: v.receivedAt } } } satisfies ArticleDeduplicated;
        });
        for (const i of order) {
          const [verdict] = await decideChunk([messages[i].article], dedupStore, DEFAULT_DEDUP_OPTIONS);
          const [stored] = await repo.storeMany([{ ...messages[i], dedup: verdict }]);
          const dedupSaysCurrent = verdict.status === 'original' || verdict.status === 'new-version';
          expect({ take: i, verdict: verdict.status, storage: stored.outcome }).toEqual({ take: i, verdict: verdict.status, storage: dedupSaysCurrent ? 'stored' : 'stale-recorded' });
        }
        const key = storyKeyOf(messages[0].article);
        const dedupCurrent = (await dedupStore.stories([key])).get(key)?.currentArticleId;
        expect((await repo.findByStoryKey(key))?.articleId).toBe(dedupCurrent);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
