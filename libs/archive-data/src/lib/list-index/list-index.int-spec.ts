import type { ArticleDeduplicated } from '@newswire/contracts';
import { connectMongo } from '@newswire/mongo';
import { storyVersion, testEnv } from '@newswire/testing';
import type { Connection } from 'mongoose';
import { type ArticleFilter, ArticleQueries } from '../article.queries';
import { ArticleRepository } from '../article.repository';
import type { StoreCapabilities } from '../capabilities';
import { type HotDoc, hotEntriesOf } from './blocks';
import { AFTER, HOT_PREFIX } from './keys';
import { LIST_INDEX_COLLECTION } from './list-index';

const entity = (name: string) => ({ name, mentions: 1, surfaceForms: [name] });
const PEOPLE = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Édith Piaf'];
const ORGS = ['Acme Corp', 'Globex', 'Initech'];
const PLACES = ['Berlin', 'Havana', 'Lagos'];
const SUBJECTS = ['medtop:04000000', 'medtop:11000000', 'medtop:17000000'];
const WORDS = ['storm', 'election', 'harbour', 'vaccine', 'tariff', 'glacier'];

/** Story i: facets chosen by i, so every filter matches some stories and misses others. */
function story(i: number, version = 1, o: { person?: string; pubStatus?: 'withheld' | 'canceled' } = {}): ArticleDeduplicated {
  const pick = <T>(list: T[], k: number) => list[(i * k + version) % list.length];
  const word = pick(WORDS, 5);
  const m = storyVersion({
    uri: `urn:list:${i}`,
    version,
    provider: i % 3 === 0 ? 'Reuters' : 'AP Wire',
    headline: `Story ${i} about the ${word}`,
    body: `Report ${i}: the ${word} and the ${pick(WORDS, 7)} dominated the day in ${pick(PLACES, 2)}. `.repeat(2),
    pubStatus: o.pubStatus,
  });
  m.article.firstCreated = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
  m.article.people = [];
  m.article.organisations = [];
  m.article.places = [];
  m.article.subjects = [];
  m.enrichment.language = i % 4 === 0 ? 'de' : 'en';
  m.enrichment.people = [entity(o.person ?? pick(PEOPLE, 3)), ...(i % 5 === 0 ? [entity(pick(PEOPLE, 1))] : [])].filter((e, k, all) => all.findIndex((x) => x.name === e.name) === k);
  m.enrichment.organisations = [entity(pick(ORGS, 1))];
  m.enrichment.places = [entity(pick(PLACES, 2))];
  m.enrichment.subjects = [{ code: pick(SUBJECTS, 1), name: 'subject', score: 0.9, terms: [] }];
  return m;
}

/** The list index needs FerretDB's `_id` range pushdown (the project's build); say so plainly when it is missing. */
async function expectProjectBuild(repo: ArticleRepository): Promise<void> {
  if (!(await repo.listIndex.answersRanges())) {
    throw new Error('this FerretDB does not answer _id ranges from its index: run the project build (npm run stack:stop && npm run stack:start rebuilds it)');
  }
}

/** Every page's story keys, following nextCursor to the end. */
async function pages(queries: ArticleQueries, filter: ArticleFilter, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await queries.list(filter, { limit, cursor });
    out.push(page.items.map((d) => d._id));
    cursor = page.nextCursor;
  } while (cursor && out.length < 100);
  return out;
}

const FILTERS: [string, ArticleFilter][] = [
  ['everything', {}],
  ['person', { person: 'Alan Turing' }],
  ['person with an accent', { person: 'Édith Piaf' }],
  ['organisation', { organisation: 'Globex' }],
  ['place', { place: 'Havana' }],
  ['subject', { subject: 'medtop:11000000' }],
  ['source (any case)', { source: 'REUTERS' }],
  ['provider', { provider: 'AP Wire' }],
  ['language', { language: 'de' }],
  ['stored range', { from: new Date('2025-03-01T00:02:00Z'), to: new Date('2025-03-01T00:06:00Z') }],
  ['created range', { timeField: 'firstCreated', from: new Date('2025-01-02T00:00:00Z'), to: new Date('2025-01-03T12:00:00Z') }],
  ['one word', { q: 'glacier' }],
  ['two words', { q: 'storm harbour' }],
  ['a word nobody used', { q: 'zeppelin' }],
  ['person and language', { person: 'Grace Hopper', language: 'en' }],
  ['place, subject and word', { place: 'Berlin', subject: 'medtop:04000000', q: 'tariff' }],
  ['status', { status: 'new-version' }],
  ['killed included', { includeKilled: true, person: 'Ada Lovelace' }],
  ['withheld included', { includeWithheld: true }],
  ['embargoed included', { includeEmbargoed: true }],
  ['nobody', { person: 'Nobody At All' }],
];

const HELD = 21;

describe('the list index on the real store', () => {
  let db: Connection;
  let repo: ArticleRepository;
  let caps: StoreCapabilities;
  let indexed: ArticleQueries;
  let plain: ArticleQueries;

  beforeAll(async () => {
    db = await connectMongo(testEnv('listidx')['MONGODB_URI']);
    repo = new ArticleRepository(db);
    caps = await repo.ensureIndexes();
    indexed = new ArticleQueries(db, caps, { maxTimeMS: 10_000, listIndex: 'auto' });
    plain = new ArticleQueries(db, caps, { maxTimeMS: 10_000, listIndex: 'off' });
    // 60 stories in batches of 6 sharing one storedAt (ties across page boundaries), a minute apart.
    for (let b = 0; b < 10; b++) {
      await repo.storeMany(
        Array.from({ length: 6 }, (_, k) => story(b * 6 + k, 1, { pubStatus: b * 6 + k === 13 ? 'withheld' : undefined })).map((m, k) =>
          // Story 21 is held under an embargo far ahead.
          b * 6 + k === HELD ? { ...m, article: { ...m.article, embargoed: '2099-01-01T00:00:00.000Z' } } : m,
        ),
        new Date(Date.UTC(2025, 2, 1, 0, b)),
      );
    }
    // Corrections that move stories between lists, a kill, and a stale version that must change nothing.
    await repo.storeMany([story(8, 2, { person: 'Ada Lovelace' }), story(2, 2, { person: 'Grace Hopper' })], new Date(Date.UTC(2025, 2, 2)));
    await repo.store(story(7, 3, { pubStatus: 'canceled' }), new Date(Date.UTC(2025, 2, 3)));
    await repo.store(story(2, 1, { person: 'Alan Turing' }), new Date(Date.UTC(2025, 2, 4)));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('is kept where the store needs it: FerretDB with the project build, never MongoDB', async () => {
    if (caps.server === 'mongodb') {
      expect(caps.listIndex).toBe(false);
      const names = (await repo.articles.collection.indexes()).map((i) => i.name);
      expect(names).toEqual(expect.arrayContaining(['list_people', 'list_language', 'list_source']));
      return;
    }
    expect(caps.listIndex).toBe(true);
    expect(await repo.listIndex.isReady()).toBe(true);
    await expectProjectBuild(repo);
  });

  it.each(FILTERS)('answers %s exactly as the plain query, page by page', async (_name, filter) => {
    const expected = await pages(plain, filter, 7);
    expect(await pages(indexed, filter, 7)).toEqual(expected);
  });

  it('leaves a story held under embargo out of every list unless embargoed stories are asked for', async () => {
    const key = 'reuters|urn:list:21';
    expect((await repo.findByStoryKey(key))?.heldUntil).toEqual(new Date('2099-01-01T00:00:00.000Z'));
    for (const [name, filter] of FILTERS) {
      const keys = (await pages(indexed, filter, 7)).flat();
      expect({ name, listed: keys.includes(key) }).toEqual({ name, listed: !!filter.includeEmbargoed });
    }
  });

  it('finds what the corrections say now, not what the first versions said', async () => {
    const turing = (await pages(indexed, { person: 'Alan Turing' }, 100)).flat();
    const lovelace = (await pages(indexed, { person: 'Ada Lovelace' }, 100)).flat();
    // Story 8 named Alan Turing until its correction named Ada Lovelace instead.
    expect(lovelace).toContain('ap wire|urn:list:8');
    expect(turing).not.toContain('ap wire|urn:list:8');
    // Version 1 of story 2 arrived after version 2: it is stale and its person is not listed.
    expect((await pages(indexed, { person: 'Grace Hopper' }, 100)).flat()).toContain('ap wire|urn:list:2');
    // The killed story is gone from public lists and back with includeKilled.
    expect((await pages(indexed, {}, 100)).flat()).not.toContain('ap wire|urn:list:7');
    expect((await pages(indexed, { includeKilled: true }, 100)).flat()).toContain('ap wire|urn:list:7');
  });

  it('adds a re-enriched story to the lists of its new enrichment', async () => {
    const current = story(4, 1);
    const stored = await repo.findByStoryKey('ap wire|urn:list:4');
    current.article.id = stored?.articleId ?? current.article.id;
    current.enrichment = { ...current.enrichment, people: [entity('Katherine Johnson')], enrichedAt: new Date().toISOString() };
    const [result] = await repo.reEnrichMany([current]);
    expect(result.outcome).toBe('re-enriched');
    const filter = { person: 'Katherine Johnson' };
    expect((await pages(indexed, filter, 5)).flat()).toEqual(['ap wire|urn:list:4']);
    expect(await pages(indexed, filter, 5)).toEqual(await pages(plain, filter, 5));
  });

  it('answers the same after compaction moved every recent posting into blocks', async () => {
    if (caps.listIndex) await expectProjectBuild(repo);
    const before = await Promise.all(FILTERS.map(([, f]) => pages(indexed, f, 7)));
    const moved = await repo.compactListIndex(new Date(Date.UTC(2100, 0, 1)));
    if (caps.listIndex) {
      expect(moved).toBeGreaterThan(0);
      expect(await repo.listIndex.counts()).toMatchObject({ hot: 0, registry: 60 });
    } else {
      expect(moved).toBe(0);
    }
    expect(await Promise.all(FILTERS.map(([, f]) => pages(indexed, f, 7)))).toEqual(before);
  });

  it('serves lists from the index on FerretDB: a story written around the storage path is not in them', async () => {
    if (caps.listIndex) await expectProjectBuild(repo);
    const template = await repo.articles.collection.findOne({ _id: 'ap wire|urn:list:5' as never });
    await repo.articles.collection.insertOne({ ...template, _id: 'ap wire|urn:list:raw' as never, storedAt: new Date(Date.UTC(2025, 2, 9)) });
    const filter = { person: (template?.['people'] as string[])[0] };
    expect((await pages(plain, filter, 100)).flat()).toContain('ap wire|urn:list:raw');
    // MongoDB lists straight from the stories (through its indexes), so there it is found.
    expect((await pages(indexed, filter, 100)).flat().includes('ap wire|urn:list:raw')).toBe(!caps.listIndex);
    await repo.articles.collection.deleteOne({ _id: 'ap wire|urn:list:raw' as never });
  });
});

describe('building the list index for stories stored before it existed', () => {
  let db: Connection;

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('indexes every stored story once, then serves lists from it', async () => {
    db = await connectMongo(testEnv('listbuild')['MONGODB_URI']);
    const repo = new ArticleRepository(db);
    await repo.storeMany(Array.from({ length: 12 }, (_, i) => story(i)), new Date(Date.UTC(2025, 4, 1)));
    await db.dropCollection(LIST_INDEX_COLLECTION).catch(() => undefined);
    const caps = await repo.ensureIndexes();
    if (caps.listIndex) await expectProjectBuild(repo);
    const indexed = new ArticleQueries(db, caps, { maxTimeMS: 10_000, listIndex: 'auto' });
    const plain = new ArticleQueries(db, caps, { maxTimeMS: 10_000, listIndex: 'off' });
    if (caps.listIndex) expect(await repo.listIndex.counts()).toMatchObject({ registry: 12, hot: 0 });
    for (const [, filter] of FILTERS) expect(await pages(indexed, filter, 5)).toEqual(await pages(plain, filter, 5));
    expect((await pages(indexed, {}, 5)).flat()).toHaveLength(12);
  });
});

describe('hot documents an earlier release wrote (lists as an object, not one string)', () => {
  let db: Connection;

  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('are still read, and compaction moves them', async () => {
    db = await connectMongo(testEnv('listolder')['MONGODB_URI']);
    const repo = new ArticleRepository(db);
    const caps = await repo.ensureIndexes();
    await repo.storeMany(Array.from({ length: 12 }, (_, i) => story(i)), new Date(Date.UTC(2025, 4, 1)));
    const indexed = new ArticleQueries(db, caps, { maxTimeMS: 10_000, listIndex: 'auto' });
    const plain = new ArticleQueries(db, caps, { maxTimeMS: 10_000, listIndex: 'off' });
    if (caps.listIndex) {
      await expectProjectBuild(repo);
      // Rewrite every hot document as the earlier release wrote it.
      const hot = (await repo.listIndex.collection.find({ _id: { $gte: HOT_PREFIX, $lt: HOT_PREFIX + AFTER } }).toArray()) as HotDoc[];
      expect(hot.length).toBeGreaterThan(0);
      for (const doc of hot) {
        expect(typeof doc.s).toBe('string');
        await repo.listIndex.collection.replaceOne({ _id: doc._id }, { _id: doc._id, l: Object.fromEntries(hotEntriesOf(doc)), n: doc.n });
      }
    }
    for (const [, filter] of FILTERS) expect(await pages(indexed, filter, 5)).toEqual(await pages(plain, filter, 5));
    const moved = await repo.compactListIndex(new Date(Date.UTC(2100, 0, 1)));
    if (caps.listIndex) {
      expect(moved).toBeGreaterThan(0);
      expect(await repo.listIndex.counts()).toMatchObject({ hot: 0, registry: 12 });
    }
    for (const [, filter] of FILTERS) expect(await pages(indexed, filter, 5)).toEqual(await pages(plain, filter, 5));
    expect((await pages(indexed, { q: 'storm' }, 5)).flat().length).toBeGreaterThan(0);
  });
});
