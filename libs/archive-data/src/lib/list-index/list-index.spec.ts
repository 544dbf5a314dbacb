import { coldChunks, coldDocsOf, decodePositions, type HotDoc, hotDocsOf, hotEntriesOf, hotPositionsOf, mergeCold, sortPositions } from './blocks';
import { COLD_BLOCK_SIZE, coldPrefix, HOT_SPAN_MS, listId, maxPositionOfKey, msOfPosition, msPart, positionOf } from './keys';
import { listsOf, listsOfConditions } from './lists';
import { worthFiltering } from './indexed-list';
import { BlockStream, MergedSource, PositionQueue, type RangeReader } from './streams';

const at = (ms: number, key = `story-${ms}`) => positionOf(key, new Date(ms));

/** A range reader over documents in memory, as the store answers a hinted `_id` range. */
function memoryReader<T extends { _id: string }>(docs: T[]): RangeReader<T> & { reads: number } {
  const reader = Object.assign(
    async (low: string, high: string, limit: number) => {
      reader.reads++;
      return docs
        .filter((d) => d._id >= low && d._id < high)
        .sort((a, b) => (a._id < b._id ? 1 : -1))
        .slice(0, limit);
    },
    { reads: 0 },
  );
  return reader;
}

async function drain(source: { head(): Promise<string | undefined>; pop(): string | undefined }): Promise<string[]> {
  const q = new PositionQueue(source);
  await q.fill(Number.MAX_SAFE_INTEGER);
  return [...q.buffered];
}

describe('list index keys', () => {
  it('orders positions by time, fixed width, with plain characters only', () => {
    const early = at(Date.UTC(2025, 0, 1));
    const late = at(Date.UTC(2025, 0, 2));
    expect(early < late).toBe(true);
    expect(early).toMatch(/^[0-9a-z]{17}$/);
    expect(msOfPosition(late)).toBe(Date.UTC(2025, 0, 2));
    expect(msPart(-5)).toBe('000000000');
  });

  it('gives one story one position, and two stories of one millisecond two', () => {
    const ms = Date.UTC(2025, 5, 1);
    expect(positionOf('a|1', new Date(ms))).toBe(positionOf('a|1', new Date(ms)));
    expect(positionOf('a|1', new Date(ms))).not.toBe(positionOf('a|2', new Date(ms)));
  });

  it('names lists by field and exact value', () => {
    expect(listId('person', 'Ada Lovelace')).toMatch(/^pe-[0-9a-z]{11}$/);
    expect(listId('person', 'Ada Lovelace')).not.toBe(listId('person', 'ada lovelace'));
    expect(listId('person', 'X')).not.toBe(listId('organisation', 'X'));
  });
});

describe('lists of a story and of a query', () => {
  it('lists a story under every filterable value, search words from either stored shape', () => {
    const doc = { people: ['Ada'], places: ['Paris'], source: 'wire', language: 'en', clusterId: 'c1', dedupStatus: 'original' };
    const fromArray = listsOf({ ...doc, searchTerms: ['storm', 'harbour'] });
    expect(listsOf({ ...doc, searchText: 'storm harbour' })).toEqual(fromArray);
    expect(fromArray).toEqual(expect.arrayContaining([listId('person', 'Ada'), listId('place', 'Paris'), listId('term', 'storm'), listId('language', 'en')]));
  });

  it('asks for the same lists the stories are in', () => {
    expect(listsOfConditions({ person: 'Ada', terms: ['storm', 'storm'] })).toEqual([listId('person', 'Ada'), listId('term', 'storm')]);
    expect(listsOfConditions({})).toEqual([]);
  });
});

describe('blocks', () => {
  it('writes one hot document per bucket and hour, positions newest first', () => {
    const t0 = Date.UTC(2025, 0, 1, 10);
    const postings = [
      { list: 'pe-a', position: at(t0 + 1) },
      { list: 'pe-a', position: at(t0 + 2) },
      { list: 'pe-a', position: at(t0 + HOT_SPAN_MS + 5) },
    ];
    const docs = hotDocsOf(postings, () => 'tag');
    expect(docs).toHaveLength(2);
    const early = docs.find((d) => d.n === 2) as HotDoc;
    expect(decodePositions(hotPositionsOf(early, 'pe-a'))).toEqual([at(t0 + 2), at(t0 + 1)]);
    expect(early._id).toContain(at(t0 + 2));
  });

  it('keeps a hot document\'s lists in one string, and reads the older object shape too', () => {
    const t0 = Date.UTC(2025, 0, 1, 10);
    const [written] = hotDocsOf([{ list: 'pe-a', position: at(t0 + 2) }, { list: 'pe-a', position: at(t0 + 3) }], () => 'tag');
    expect(written.l).toBeUndefined();
    expect(written.s).toBe(` pe-a=${at(t0 + 3)}${at(t0 + 2)}`);
    // A list whose id begins another's is not confused with it.
    const doc: HotDoc = { _id: 'h~00~x', s: ` pe-ab=${at(t0 + 1)} pe-a=${at(t0 + 3)}${at(t0 + 2)}`, n: 3 };
    expect(decodePositions(hotPositionsOf(doc, 'pe-a'))).toEqual([at(t0 + 3), at(t0 + 2)]);
    expect(decodePositions(hotPositionsOf(doc, 'pe-ab'))).toEqual([at(t0 + 1)]);
    expect(hotPositionsOf(doc, 'pe-')).toBeUndefined();
    expect(hotEntriesOf(doc)).toEqual([
      ['pe-ab', at(t0 + 1)],
      ['pe-a', at(t0 + 3) + at(t0 + 2)],
    ]);
    const older: HotDoc = { _id: 'h~00~y', l: { 'pe-a': at(t0 + 2) }, n: 1 };
    expect(hotPositionsOf(older, 'pe-a')).toBe(at(t0 + 2));
    expect(hotPositionsOf(older, 'pe-ab')).toBeUndefined();
    expect(hotEntriesOf(older)).toEqual([['pe-a', at(t0 + 2)]]);
  });

  it('cuts cold blocks from the oldest end, so newer positions change only the newest block', () => {
    const positions = Array.from({ length: COLD_BLOCK_SIZE + 10 }, (_, i) => at(Date.UTC(2025, 0, 6) + i));
    const chunks = coldChunks(sortPositions(positions));
    expect(chunks.map((c) => c.length)).toEqual([10, COLD_BLOCK_SIZE]);
    const docs = coldDocsOf('te-x', positions, () => 't');
    const added = [at(Date.UTC(2025, 0, 6) + COLD_BLOCK_SIZE + 50)];
    const { write, remove } = mergeCold('te-x', docs, added, () => 'u');
    expect(write).toHaveLength(1);
    expect(write[0].n).toBe(11);
    expect(remove).toEqual([docs[0]._id]);
  });

  it('keeps a week per block', () => {
    const week = 7 * 86_400_000;
    const docs = coldDocsOf('la-en', [at(Date.UTC(2025, 0, 6)), at(Date.UTC(2025, 0, 6) + week)], () => 't');
    expect(docs).toHaveLength(2);
    expect(maxPositionOfKey(coldPrefix('la-en'), docs[0]._id)).toBe(decodePositions(docs[0].e)[0]);
  });
});

describe('reading a list', () => {
  const hour = HOT_SPAN_MS;
  const t0 = Date.UTC(2025, 2, 3);

  it('merges overlapping blocks in order', async () => {
    // Three batches: the second holds a story updated long after it was first stored.
    const batches = [[t0 + 10, t0 + 20], [t0 + 30, t0 + 5], [t0 + 40]];
    const docs = batches.flatMap((ms) => hotDocsOf(ms.map((m) => ({ list: 'pe-a', position: at(m) }))));
    const stream = new BlockStream<HotDoc>(memoryReader(docs), docs[0]._id.slice(0, 5), hour, (d) => hotPositionsOf(d, 'pe-a'), {});
    expect(await drain(stream)).toEqual([t0 + 40, t0 + 30, t0 + 20, t0 + 10, t0 + 5].map((m) => at(m)));
  });

  it('starts a seek within the span of the bound, and stops at the lower bound', async () => {
    const ms = Array.from({ length: 30 }, (_, i) => t0 + i * 600_000);
    const docs = ms.map((m) => hotDocsOf([{ list: 'pe-a', position: at(m) }])[0]);
    const reader = memoryReader(docs);
    const bounds = { upper: msPart(t0 + 10 * 600_000), lower: msPart(t0 + 3 * 600_000) };
    const stream = new BlockStream<HotDoc>(reader, docs[0]._id.slice(0, 5), hour, (d) => hotPositionsOf(d, 'pe-a'), bounds);
    expect(await drain(stream)).toEqual(ms.slice(3, 10).reverse().map((m) => at(m)));
  });

  it('merges sources and drops the repeats a compaction in progress leaves', async () => {
    const a = hotDocsOf([{ list: 'pe-a', position: at(t0 + 1) }, { list: 'pe-a', position: at(t0 + 3) }]);
    const cold = coldDocsOf('pe-a', [at(t0 + 3), at(t0 + 2)]);
    const merged = new MergedSource([
      new BlockStream<HotDoc>(memoryReader(a), a[0]._id.slice(0, 5), hour, (d) => hotPositionsOf(d, 'pe-a'), {}),
      new BlockStream(memoryReader(cold), coldPrefix('pe-a'), 7 * 86_400_000, (d) => d.e, {}),
    ]);
    expect(await drain(merged)).toEqual([at(t0 + 3), at(t0 + 2), at(t0 + 1)]);
  });

  it('reads a rare list in reads sized by what its first blocks held, not by doubling', async () => {
    // One small block a week for 40 weeks, 3 positions each.
    const week = 7 * 86_400_000;
    const docs = Array.from({ length: 40 }, (_, w) => coldDocsOf('te-rare', [1, 2, 3].map((k) => at(t0 + w * week + k)))).flat();
    const sized = memoryReader(docs);
    const doubling = memoryReader(docs);
    const all = await drain(new BlockStream(sized, coldPrefix('te-rare'), week, (d) => d.e, {}, 2, COLD_BLOCK_SIZE));
    expect(all).toHaveLength(120);
    expect(all).toEqual(await drain(new BlockStream(doubling, coldPrefix('te-rare'), week, (d) => d.e, {}, 2)));
    // 2 documents, then as many as hold a full block (all the rest): 2 reads and the one that finds nothing more.
    expect(sized.reads).toBeLessThan(doubling.reads);
    expect(sized.reads).toBeLessThanOrEqual(3);
  });

  it('answers membership in descending order', async () => {
    const docs = coldDocsOf('te-x', [at(t0 + 9), at(t0 + 5), at(t0 + 1)]);
    const q = new PositionQueue(new BlockStream(memoryReader(docs), coldPrefix('te-x'), 7 * 86_400_000, (d) => d.e, {}));
    expect(await q.contains(at(t0 + 9))).toBe(true);
    expect(await q.contains(at(t0 + 6))).toBe(false);
    expect(await q.contains(at(t0 + 5))).toBe(true);
    expect(await q.contains(at(t0 + 0))).toBe(false);
  });
});

describe('choosing the lists that filter in the index', () => {
  it('filters a rare word by a common one: reading a few dozen postings spares a story check', () => {
    // 0.2% and 5% of 1,000 stories per unit of time.
    expect(worthFiltering(50, 2, 1000)).toBe(true);
  });

  it('leaves a language most stories carry to the store: few candidates are spared, each costs hundreds of postings', () => {
    expect(worthFiltering(700, 2, 1000)).toBe(false);
  });

  it('filters by a list as dense as the driver unless every story is in it', () => {
    expect(worthFiltering(500, 400, 1000)).toBe(true);
    expect(worthFiltering(1000, 900, 1000)).toBe(false);
  });

  it('never filters a driver it cannot measure', () => {
    expect(worthFiltering(10, 0, 1000)).toBe(false);
  });
});
