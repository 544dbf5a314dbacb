import { ArticleRepository } from '@newswire/archive-data';
import { type ArticleStored, HEADERS, TOPICS } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { deduplicatedArticle, enrichedArticle, receivedArticle, stageHarness, storyText, storyVersion } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { startStorage } from '../bootstrap';

type Harness = Awaited<ReturnType<typeof stageHarness>>;
const stored = (h: Harness) => h.probe.on(h.topics.output).map((m) => m.value as ArticleStored);

describe('storage stage on a real broker and store', () => {
  let h: Harness;
  let db: Connection;
  let repo: ArticleRepository;

  beforeEach(async () => {
    h = await stageHarness('storage', TOPICS.articleDeduplicated, TOPICS.articleStored);
    db = await connectMongo(h.env['MONGODB_URI']);
    repo = new ArticleRepository(db);
  });

  afterEach(async () => {
    await h.probe.stop();
    await db.dropDatabase();
    await db.close();
  });

  it('upserts idempotently: a redelivered message never creates a second document', async () => {
    const storage = await startStorage(h.env);
    try {
      const message = deduplicatedArticle();
      await h.publish([{ key: message.article.uri, value: message }, { key: message.article.uri, value: message }]);
      await h.probe.waitForCount(h.topics.output, 2);
      expect(stored(h).map((s) => s.status).sort()).toEqual(['stored', 'unchanged']);
      expect(await repo.articles.countDocuments({ articleId: message.article.id })).toBe(1);
      expect(await repo.articles.countDocuments({})).toBe(1);
    } finally {
      await storage.app.close();
    }
  });

  it('records a duplicate in its cluster without a second full copy', async () => {
    const storage = await startStorage(h.env);
    try {
      const original = deduplicatedArticle();
      const copy = deduplicatedArticle(enrichedArticle(), original.article.id);
      await h.publish([{ key: 'a', value: original }, { key: 'b', value: copy }]);
      await h.probe.waitForCount(h.topics.output, 2);
      expect(await repo.articles.countDocuments({})).toBe(1);
      const dup = await repo.duplicates.findById(copy.article.id).lean();
      expect(dup).toMatchObject({ clusterId: original.article.id, duplicateOf: original.article.id, method: 'exact' });
    } finally {
      await storage.app.close();
    }
  });

  it('dead-letters a message that fails validation, with the reason, and keeps consuming', async () => {
    const storage = await startStorage(h.env);
    try {
      const good = deduplicatedArticle();
      const { dedup: _missing, ...withoutVerdict } = deduplicatedArticle();
      await h.publish([{ key: 'bad', value: withoutVerdict }, { key: 'good', value: good }]);
      await h.probe.waitForCount(h.topics.dlq, 1);
      await h.probe.waitFor((ms) => ms.some((m) => (m.value as ArticleStored).articleId === good.article.id));
      const [dead] = h.probe.on(h.topics.dlq);
      expect(dead.headers[HEADERS.dlqReason]).toContain('dedup');
      expect(dead.headers[HEADERS.dlqStage]).toBe('storage');
      expect(await repo.articles.countDocuments({})).toBe(1);
    } finally {
      await storage.app.close();
    }
  });

  it('loses no message when stopped and started again', async () => {
    const make = (n: number) => deduplicatedArticle(enrichedArticle(receivedArticle(storyText(`Story ${n}`, `Body of story number ${n}. `.repeat(5)))));
    const first = make(1);
    let storage = await startStorage(h.env);
    await h.publish([{ key: first.article.uri, value: first }]);
    await h.probe.waitForCount(h.topics.output, 1);
    await storage.app.close();

    const whileDown = [2, 3, 4, 5, 6].map(make);
    await h.publish(whileDown.map((m) => ({ key: m.article.uri, value: m })));
    storage = await startStorage(h.env);
    try {
      await h.probe.waitFor(
        (ms) => whileDown.every((w) => ms.some((m) => (m.value as ArticleStored).articleId === w.article.id)),
        30_000,
        'every article sent while storage was down',
      );
      expect(await repo.articles.countDocuments({})).toBe(6);
    } finally {
      await storage.app.close();
    }
  });
});

describe('storage stage: versions through the broker', () => {
  it('keeps v3 when v3, v1, v2 arrive in that order, and reports each outcome', async () => {
    const h = await stageHarness('storage-v', TOPICS.articleDeduplicated, TOPICS.articleStored);
    const db = await connectMongo(h.env['MONGODB_URI']);
    const storage = await startStorage(h.env);
    try {
      const [v1, v2, v3] = [1, 2, 3].map((version) => storyVersion({ uri: 'urn:wire:stage', version }));
      // One key: one partition, so the stage sees them in this order.
      await h.publish([v3, v1, v2].map((m) => ({ key: 'test wire|urn:wire:stage', value: m })));
      await h.probe.waitForCount(h.topics.output, 3);
      expect(stored(h).map((s) => s.status)).toEqual(['stored', 'stale-recorded', 'stale-recorded']);
      const repo = new ArticleRepository(db);
      expect((await repo.findByStoryKey('test wire|urn:wire:stage'))?.articleId).toBe(v3.article.id);
    } finally {
      await storage.app.close();
      await h.probe.stop();
      await db.dropDatabase();
      await db.close();
    }
  });
});
