import { connectMongo } from '@newswire/mongo';
import { deduplicatedArticle, enrichedArticle, storyVersion, testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { ArticleQueries } from './article.queries';
import { ArticleRepository } from './article.repository';
import { detectCapabilities } from './capabilities';

describe('ArticleRepository on the real store', () => {
  let db: Connection;
  let repo: ArticleRepository;

  beforeEach(async () => {
    db = await connectMongo(testEnv('archive')['MONGODB_URI']);
    repo = new ArticleRepository(db);
    await repo.ensureIndexes();
  });

  afterEach(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('keeps the newest version when versions arrive out of order (v3, v1, v2), and records all three', async () => {
    const [v1, v2, v3] = [1, 2, 3].map((version) => storyVersion({ uri: 'urn:wire:ooo', version }));
    expect(await repo.store(v3)).toBe('stored');
    expect(await repo.store(v1)).toBe('stale-recorded');
    expect(await repo.store(v2)).toBe('stale-recorded');
    const stored = await repo.findByStoryKey('test wire|urn:wire:ooo');
    expect(stored).toMatchObject({ articleId: v3.article.id, version: 3, headline: v3.article.headline, bodyText: v3.article.bodyText });
    expect(await repo.articles.countDocuments({})).toBe(1);
    const history = await repo.versionsOf('test wire|urn:wire:ooo');
    expect(history.map((h) => [h.version, h.outcome])).toEqual([
      [3, 'stored'],
      [2, 'stale-recorded'],
      [1, 'stale-recorded'],
    ]);
    // An older version's id still finds the story.
    expect((await repo.findById(v1.article.id))?.articleId).toBe(v3.article.id);
  });

  it('replaces an older version and drops fields the newer one no longer has', async () => {
    const v1 = storyVersion({ uri: 'urn:wire:upd', version: 1 });
    v1.article.bodyHtml = '<p>old</p>';
    const v2 = storyVersion({ uri: 'urn:wire:upd', version: 2, headline: 'Updated headline' });
    delete v2.article.bodyHtml;
    await repo.store(v1);
    expect(await repo.store(v2)).toBe('stored');
    const stored = await repo.findByStoryKey('test wire|urn:wire:upd');
    expect(stored?.headline).toBe('Updated headline');
    expect(stored?.bodyHtml).toBeUndefined();
  });

  it('orders by versionCreated when the source sends no version number', async () => {
    const older = storyVersion({ uri: 'urn:wire:t', versionCreated: '2024-05-01T10:00:00Z' });
    const newer = storyVersion({ uri: 'urn:wire:t', versionCreated: '2024-05-01T11:00:00Z' });
    await repo.storeMany([newer, older]);
    expect((await repo.findByStoryKey('test wire|urn:wire:t'))?.articleId).toBe(newer.article.id);
  });

  it('leaves one document after ten concurrent redeliveries of one message', async () => {
    const message = storyVersion({ uri: 'urn:wire:race', version: 1 });
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => repo.store(message)));
    expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
    expect(await repo.articles.countDocuments({})).toBe(1);
    expect(await repo.versions.countDocuments({})).toBe(1);
    expect((await repo.versions.findById(message.article.id).lean())?.outcome).toBe('stored');
  });

  it('kills a story: no body anywhere, later versions refused, hidden from lists unless asked', async () => {
    const v1 = storyVersion({ uri: 'urn:wire:kill', version: 1, body: 'Secret body that must vanish from the archive for good. '.repeat(4) });
    const kill = storyVersion({ uri: 'urn:wire:kill', version: 2, pubStatus: 'canceled', headline: 'KILL: story withdrawn' });
    const late = storyVersion({ uri: 'urn:wire:kill', version: 3 });
    await repo.store(v1);
    expect(await repo.store(kill)).toBe('killed');
    expect(await repo.store(kill)).toBe('unchanged');
    expect(await repo.store(late)).toBe('stale-recorded');
    const raw = await db.collection('articles').findOne({ _id: 'test wire|urn:wire:kill' as never });
    expect(raw).toMatchObject({ killed: true, pubStatus: 'canceled' });
    // No searchable word is kept either (an array on MongoDB, one string on FerretDB).
    expect([raw?.['searchTerms'] ?? [], raw?.['searchText'] ?? '']).toEqual([[], '']);
    expect(JSON.stringify(raw)).not.toContain('Secret body');
    const queries = new ArticleQueries(db, await detectCapabilities(db));
    expect((await queries.list({}, { limit: 10 })).items).toHaveLength(0);
    expect((await queries.list({ includeKilled: true }, { limit: 10 })).items).toHaveLength(1);
  });

  it('records a duplicate in its cluster without a second copy', async () => {
    const original = deduplicatedArticle();
    const copy = deduplicatedArticle(enrichedArticle(), original.article.id);
    const results = await repo.storeMany([original, copy, copy]);
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'duplicate-recorded', 'unchanged']);
    expect(await repo.articles.countDocuments({})).toBe(1);
    expect(await repo.duplicates.findById(copy.article.id).lean()).toMatchObject({ clusterId: original.article.id, method: 'exact' });
  });

  it('stores what FerretDB would refuse after normalising it', async () => {
    const message = storyVersion({ uri: 'urn:wire:odd', version: 1, headline: 'Odd\u0000 headline' });
    (message.enrichment as unknown as Record<string, unknown>)['keywords'] = [{ text: 'a.b', score: NaN }];
    (message.article as unknown as Record<string, unknown>)['links'] = [{ href: 'x', 'data.rel': 'y' }];
    expect(await repo.store(message)).toBe('stored');
    const stored = await repo.findByStoryKey('test wire|urn:wire:odd');
    expect(stored?.headline).toBe('Odd headline');
  });

  it('a batch with stale entries in the middle still applies the rest', async () => {
    const v2 = storyVersion({ uri: 'urn:wire:b', version: 2 });
    await repo.store(v2);
    const batch = [storyVersion({ uri: 'urn:wire:a', version: 1 }), storyVersion({ uri: 'urn:wire:b', version: 1 }), storyVersion({ uri: 'urn:wire:c', version: 1 })];
    expect((await repo.storeMany(batch)).map((r) => r.outcome)).toEqual(['stored', 'stale-recorded', 'stored']);
    expect(await repo.articles.countDocuments({})).toBe(3);
  });
});
