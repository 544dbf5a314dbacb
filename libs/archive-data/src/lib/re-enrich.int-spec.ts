import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import type { ArticleDeduplicated } from '@newswire/contracts';
import type { Connection } from 'mongoose';
import { ArticleRepository } from './article.repository';

/** The same message as stored earlier by an older extractor: fewer people, another version string. */
function withOldExtractor(message: ArticleDeduplicated): ArticleDeduplicated {
  return {
    ...message,
    enrichment: {
      ...message.enrichment,
      people: [],
      provenance: message.enrichment.provenance.map((p) => ({ ...p, version: '0.0.1' })),
      enrichedAt: '2024-01-01T00:00:00.000Z',
    },
  };
}

const later = (message: ArticleDeduplicated, at: string): ArticleDeduplicated => ({ ...message, enrichment: { ...message.enrichment, enrichedAt: at } });

describe('re-enrichment of stored stories (replay) on the real store', () => {
  let db: Connection;
  let repo: ArticleRepository;

  beforeEach(async () => {
    db = await connectMongo(testEnv('reenrich')['MONGODB_URI']);
    repo = new ArticleRepository(db);
    await repo.ensureIndexes();
  });

  afterEach(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('makes the new enrichment a new version of the story, keeping the old one, and creates nothing else', async () => {
    const current = storyVersion({ uri: 'urn:wire:re', version: 1, body: 'Vladimir Putin met Miguel Diaz-Canel in Havana on Monday. '.repeat(3) });
    expect(await repo.store(withOldExtractor(current))).toBe('stored');
    // The upgraded extractor finds a person the old one missed.
    const upgraded: ArticleDeduplicated = { ...current, enrichment: { ...current.enrichment, people: [{ name: 'Vladimir Putin', mentions: 3, surfaceForms: ['Vladimir Putin'] }] } };
    const replay = later(upgraded, '2025-01-01T00:00:00.000Z');

    const [result] = await repo.reEnrichMany([replay], [{ replayId: 'run-1' }]);
    expect(result).toEqual({ articleId: current.article.id, storyKey: 'test wire|urn:wire:re', outcome: 're-enriched', enrichmentVersion: 2 });

    const story = await repo.findByStoryKey('test wire|urn:wire:re');
    expect(story?.enrichmentVersion).toBe(2);
    expect(story?.enrichment.enrichedAt).toBe('2025-01-01T00:00:00.000Z');
    expect(story?.people).toEqual(['Vladimir Putin']);
    const history = await repo.enrichmentsOf(current.article.id);
    expect(history.map((h) => [h.version, h.origin, h.replayId, h.provenance[0]?.version])).toEqual([
      [1, 'ingest', undefined, '0.0.1'],
      [2, 'replay', 'run-1', current.enrichment.provenance[0]?.version],
    ]);
    expect(await repo.articles.countDocuments({})).toBe(1);
    expect(await repo.versions.countDocuments({})).toBe(1);
    expect(await repo.duplicates.countDocuments({})).toBe(0);

    // A redelivery of the same replay reports the same outcome and records nothing new.
    expect((await repo.reEnrichMany([replay]))[0]).toMatchObject({ outcome: 're-enriched', enrichmentVersion: 2 });
    // The same extractors again, later: nothing changed, nothing written.
    expect((await repo.reEnrichMany([later(upgraded, '2025-02-01T00:00:00.000Z')]))[0]).toMatchObject({ outcome: 'unchanged', reason: 'same-enrichment', enrichmentVersion: 2 });
    expect(await repo.enrichments.countDocuments({})).toBe(2);
  });

  it('ignores the verdict a replay carries and leaves older versions and other stories alone', async () => {
    const v1 = storyVersion({ uri: 'urn:wire:old', version: 1 });
    const v2 = storyVersion({ uri: 'urn:wire:old', version: 2 });
    await repo.storeMany([withOldExtractor(v1), withOldExtractor(v2)]);
    expect((await repo.reEnrichMany([later(v1, '2025-01-01T00:00:00.000Z')]))[0]).toMatchObject({ outcome: 'unchanged', reason: 'not-current' });
    const asDuplicate: ArticleDeduplicated = { ...later(v2, '2025-01-01T00:00:00.000Z'), dedup: { ...v2.dedup, status: 'duplicate', method: 'exact', duplicateOf: 'someone-else' } };
    expect((await repo.reEnrichMany([asDuplicate]))[0]).toMatchObject({ outcome: 're-enriched', enrichmentVersion: 2 });
    expect(await repo.duplicates.countDocuments({})).toBe(0);
    expect((await repo.findByStoryKey('test wire|urn:wire:old'))?.dedupStatus).toBe(v2.dedup.status);
    const unknown = storyVersion({ uri: 'urn:wire:never-stored', version: 1 });
    expect((await repo.reEnrichMany([unknown]))[0]).toMatchObject({ outcome: 'unchanged', reason: 'not-current' });
    expect(await repo.articles.countDocuments({})).toBe(1);
  });

  it('records the trace id a message carried on its version', async () => {
    const message = storyVersion({ uri: 'urn:wire:trace', version: 1 });
    await repo.storeMany([message], new Date(), [{ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' }]);
    expect((await repo.versions.findById(message.article.id).lean())?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});
