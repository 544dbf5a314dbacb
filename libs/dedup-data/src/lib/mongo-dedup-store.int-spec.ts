import type { CanonicalArticle, DedupVerdict } from '@newswire/contracts';
import { type BandClaim, contentHash, decideChunk, DEFAULT_DEDUP_OPTIONS as O, HOLDERS_PER_KEY, type StoryState } from '@newswire/dedup';
import { bareArticle, testEnv } from '@newswire/testing';
import mongoose, { type Connection } from 'mongoose';
import { collection, COLLECTIONS } from './collections';
import { MongoDedupStore } from './mongo-dedup-store';

const NOW = new Date();
const HOUR = 3_600_000;

/** A connection of its own per "instance", counting the commands it sends. */
async function instance(uri: string): Promise<{ c: Connection; commands: string[] }> {
  const c = await mongoose.createConnection(uri, { monitorCommands: true, serverSelectionTimeoutMS: 10_000 }).asPromise();
  const commands: string[] = [];
  c.getClient().on('commandStarted', (e) => commands.push(e.commandName));
  return { c, commands };
}

let seq = 0;
function article(body: string, fields: Partial<CanonicalArticle> = {}): CanonicalArticle {
  seq += 1;
  return bareArticle({ id: `m${seq}-${Math.random().toString(36).slice(2, 8)}`, uri: `urn:int:${seq}`, provider: `Outlet ${seq}`, bodyText: body, ...fields });
}
const text = (n: number) => Array.from({ length: 60 }, (_, i) => `word${(n * 7919 + i * 104729) % 100003}`).join(' ');

describe('MongoDedupStore on the real store', () => {
  const uri = testEnv('dedup-store')['MONGODB_URI'];
  let a: Awaited<ReturnType<typeof instance>>;
  let b: Awaited<ReturnType<typeof instance>>;

  beforeAll(async () => {
    [a, b] = [await instance(uri), await instance(uri)];
  });

  afterAll(async () => {
    await a.c.dropDatabase();
    await Promise.all([a.c.close(), b.c.close()]);
  });

  it('lets the first writer of a text win across instances, even racing, and takes over a claim older than the window', async () => {
    const [x, y] = [new MongoDedupStore(a.c), new MongoDedupStore(b.c)];
    const claims = (who: string) => Array.from({ length: 30 }, (_, i) => ({ hash: `race-${i}`, articleId: `${who}-${i}`, source: who, uri: `${who}-${i}`, at: NOW }));
    const [fromX, fromY] = await Promise.all([x.claimContent(claims('x'), new Date(0)), y.claimContent(claims('y'), new Date(0))]);
    for (let i = 0; i < 30; i++) {
      expect(fromX.get(`race-${i}`)?.articleId).toBe(fromY.get(`race-${i}`)?.articleId);
      expect(fromX.get(`race-${i}`)?.articleId).toMatch(new RegExp(`^[xy]-${i}$`));
    }
    const old = new Date(NOW.getTime() - 10 * HOUR);
    await x.claimContent([{ hash: 'old', articleId: 'first', source: 's', uri: 'u1', at: old }], new Date(0));
    const taken = await y.claimContent([{ hash: 'old', articleId: 'second', source: 's', uri: 'u2', at: NOW }], new Date(NOW.getTime() - HOUR));
    expect(taken.get('old')).toMatchObject({ articleId: 'second', source: 's', uri: 'u2' });
  });

  it('returns only the band claims others hold, in one insert for a large batch', async () => {
    const [x, y] = [new MongoDedupStore(a.c), new MongoDedupStore(b.c)];
    const keys = Array.from({ length: 240 }, (_, i) => `${i % 8}:band${i}`);
    const claim = (articleId: string, ks: string[]): BandClaim[] => ks.map((key) => ({ key, articleId, clusterId: articleId, at: NOW.getTime() }));
    expect(await x.claimBands(claim('p', keys.slice(0, 100)), new Date(0))).toEqual([]);
    b.commands.length = 0;
    const held = await y.claimBands(claim('q', keys), new Date(0));
    expect(held.map((c) => c.key).sort()).toEqual(keys.slice(0, 100).sort());
    expect(held.every((c) => c.articleId === 'p')).toBe(true);
    expect(b.commands.filter((c) => c === 'insert')).toHaveLength(1);
    // Its own earlier claims are not someone else's.
    expect(await x.claimBands(claim('p', keys.slice(0, 10)), new Date(0))).toEqual([]);
  });

  it('keeps further holders of a key in the order they came, once each, up to the bound, and drops them when an expired key is taken over', async () => {
    const [x, y] = [new MongoDedupStore(a.c), new MongoDedupStore(b.c)];
    const hold = (articleId: string, key: string, at = NOW): BandClaim => ({ key, articleId, clusterId: `c-${articleId}`, at: at.getTime() });
    const old = new Date(NOW.getTime() - 10 * HOUR);
    await x.claimBands([hold('owner', '0:shared', old)], new Date(0));
    // A redelivered chunk holds again: no second entry. Past the bound: none either.
    await x.holdFurther([hold('f1', '0:shared'), hold('f2', '0:shared')]);
    await y.holdFurther([hold('f1', '0:shared'), hold('owner', '0:shared'), hold('f3', '0:shared'), hold('f4', '0:shared')]);
    await y.holdFurther([hold('f5', '0:shared')]);
    const seen = await y.claimBands([hold('reader', '0:shared')], new Date(0));
    expect(seen.map((c) => c.articleId)).toEqual(['owner', 'f1', 'f2', 'f3'].slice(0, HOLDERS_PER_KEY));
    expect(seen[1]).toMatchObject({ key: '0:shared', clusterId: 'c-f1' });
    // An instance's cached list has the holds it added itself (another's, once it reads the key again).
    expect((await x.claimBands([hold('f1', '0:shared')], new Date(0))).map((c) => c.articleId)).toEqual(['owner', 'f2']);
    // The owner is older than the window: the key is taken over and starts again with one holder.
    expect(await y.claimBands([hold('new', '0:shared')], new Date(NOW.getTime() - HOUR))).toEqual([]);
    expect((await x.claimBands([hold('later', '0:shared')], new Date(NOW.getTime() - HOUR))).map((c) => c.articleId)).toEqual(['new']);
  });

  it('creates stories in bulk, replaces one only in the state it was read in (stories of earlier releases too), and writes past 100 documents', async () => {
    const [x, y] = [new MongoDedupStore(a.c), new MongoDedupStore(b.c)];
    const story = (key: string, current: string): StoryState => ({ key, rank: '1', currentArticleId: current, pubStatus: 'usable', firstSeenAt: NOW, updatedAt: NOW, history: [] });
    const many = Array.from({ length: 120 }, (_, i) => story(`s|${i}`, `c${i}`));
    expect((await x.createStories(many)).size).toBe(0);
    const existing = await y.createStories(many.slice(0, 3));
    expect([...existing.keys()]).toEqual(['s|0', 's|1', 's|2']);
    const read = await y.stories(many.map((s) => s.key));
    expect(await y.replaceStories([...read.values()].map((s) => ({ expected: s, next: { ...s, rank: '2', currentArticleId: `n-${s.key}` } })))).toEqual(new Set());
    // x still holds the state before y's replace: its replace is refused, per story.
    const stale = await x.replaceStories([{ expected: { ...(existing.get('s|0') as StoryState) }, next: story('s|0', 'late') }]);
    expect(stale).toEqual(new Set(['s|0']));
    expect((await x.stories(['s|0'])).get('s|0')).toMatchObject({ rank: '2', currentArticleId: 'n-s|0' });

    await collection<{ _id: string }>(a.c, COLLECTIONS.stories).insertOne({ _id: 'old|1', rank: '1', currentArticleId: 'o1', clusterId: 'k', pubStatus: 'usable', firstSeenAt: NOW, updatedAt: NOW, history: [] } as never);
    const old = (await x.stories(['old|1'])).get('old|1') as StoryState;
    expect(old.rev).toBeUndefined();
    expect(await x.replaceStories([{ expected: old, next: { ...old, rank: '2', currentArticleId: 'o2' } }])).toEqual(new Set());
    expect((await y.stories(['old|1'])).get('old|1')).toMatchObject({ currentArticleId: 'o2', clusterId: 'k' });
  });

  it('keeps the first verdict saved for an article, and serves it from memory afterwards', async () => {
    const [x, y] = [new MongoDedupStore(a.c), new MongoDedupStore(b.c)];
    const verdict = (clusterId: string): DedupVerdict => ({ status: 'original', method: 'none', contentHash: 'h', clusterId, decidedAt: NOW.toISOString() });
    await x.saveVerdicts(new Map([['v1', verdict('first')]]));
    expect((await y.saveVerdicts(new Map([['v1', verdict('second')]]))).get('v1')?.clusterId).toBe('first');
    expect(y.verdictsAtHand(['v1']).get('v1')?.clusterId).toBe('first');
    b.commands.length = 0;
    expect((await y.verdicts(['v1'])).get('v1')?.clusterId).toBe('first');
    expect(b.commands).toEqual([]);
  });

  it('runs one chunk at a time across instances, and takes over a lease its holder left', async () => {
    const [x, y] = [new MongoDedupStore(a.c, { lease: { ttlMs: 2_000, pollMs: 5 } }), new MongoDedupStore(b.c, { lease: { ttlMs: 2_000, pollMs: 5 } })];
    const spans: [number, number][] = [];
    const work = async () => {
      const start = performance.now();
      await a.c.db?.admin().ping();
      await a.c.db?.admin().ping();
      spans.push([start, performance.now()]);
    };
    await Promise.all([0, 1, 2, 3].map((i) => (i % 2 ? x : y).exclusive(work)));
    spans.sort((p, q) => p[0] - q[0]);
    spans.slice(1).forEach(([start], i) => expect(start).toBeGreaterThanOrEqual(spans[i][1]));
    // A holder whose chunk outlasts the lease's time renews it.
    const [slowX, slowY] = [new MongoDedupStore(a.c, { lease: { ttlMs: 1_500, pollMs: 5 } }), new MongoDedupStore(b.c, { lease: { ttlMs: 1_500, pollMs: 5 } })];
    let xDone = 0;
    let xStarted!: () => void;
    const started = new Promise<void>((resolve) => (xStarted = resolve));
    const slow = slowX.exclusive(async () => {
      xStarted();
      for (let i = 0; i < 20; i++) await a.c.db?.admin().ping();
      const until = Date.now() + 4_000;
      while (Date.now() < until) await a.c.db?.admin().ping();
      xDone = performance.now();
    });
    await started;
    const yStart = await slowY.exclusive(async () => performance.now());
    await slow;
    expect(yStart).toBeGreaterThanOrEqual(xDone);
    // A holder that stopped without releasing: its lease runs out.
    await collection<{ _id: string }>(a.c, COLLECTIONS.leases).insertOne({ _id: 'chunk', owner: 'gone', expiresAt: new Date(Date.now() - 1) } as never);
    await expect(x.exclusive(async () => 'ran')).resolves.toBe('ran');
  });

  it('decides a chunk of 100 articles in a handful of commands, and a chunk of copies decided elsewhere in a few more', async () => {
    // A lease long enough that no renewal (one more command) falls inside the chunk on a slow machine.
    const store = new MongoDedupStore(a.c, { lease: { ttlMs: 600_000, pollMs: 5 } });
    const chunk = Array.from({ length: 100 }, (_, i) => article(text(i)));
    a.commands.length = 0;
    const verdicts = await decideChunk(chunk, store, O, NOW);
    expect(verdicts.every((v) => v.status === 'original')).toBe(true);
    // Stories, content claims, fingerprints, band claims, verdicts; the lease's take and release.
    expect(a.commands.filter((c) => c !== 'buildInfo').length).toBeLessThanOrEqual(7);

    const copies = chunk.slice(0, 20).map((x) => article(x.bodyText, { headline: x.headline }));
    b.commands.length = 0;
    const other = await decideChunk(copies, new MongoDedupStore(b.c), O, NOW);
    other.forEach((v, i) => expect(v).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: chunk[i].id, clusterId: chunk[i].id }));
    expect(b.commands.length).toBeLessThan(20 * 3);
  });

  it('reads what earlier releases stored: a story with its cluster, a content claim without its source', async () => {
    // Words of its own: text(500) is text(k) shifted by a few words for some k < 100, a near copy the anchors now find.
    const body = text(500).replace(/word/g, 'legacy');
    await collection<{ _id: string }>(a.c, COLLECTIONS.contentHashes).insertOne({ _id: contentHash('Headline', body), articleId: 'legacy-1', firstSeenAt: NOW } as never);
    await collection<{ _id: string }>(a.c, COLLECTIONS.stories).insertOne({
      _id: 'legacy|urn:l',
      rank: '0000000001:000000000000000',
      currentArticleId: 'legacy-1',
      clusterId: 'legacy-cluster',
      pubStatus: 'usable',
      firstSeenAt: NOW,
      updatedAt: NOW,
      history: [{ articleId: 'legacy-1', rank: '0000000001:000000000000000', pubStatus: 'usable', at: NOW }],
    } as never);
    const store = new MongoDedupStore(a.c);
    const [copy, v2] = [article(body), article(text(501), { provider: 'Legacy', uri: 'urn:l', version: 2 })];
    const [vc, vv] = await decideChunk([copy, v2], store, O, NOW);
    expect(vc).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: 'legacy-1', clusterId: 'legacy-1' });
    expect(vv).toMatchObject({ status: 'new-version', duplicateOf: 'legacy-1', clusterId: 'legacy-cluster' });
  });
  it('keeps the shingle set with the fingerprint: a one-paragraph re-send decided by another instance is a near duplicate; a fingerprint of an earlier release (no set) still reads', async () => {
    const paragraphs = Array.from({ length: 8 }, (_, p) => Array.from({ length: 40 }, (_, i) => `resend${p}x${(p * 7919 + i * 104729) % 100003}`).join(' '));
    const original = article(paragraphs.join('\n\n'));
    await decideChunk([original], new MongoDedupStore(a.c), O, NOW);
    const stored = await collection<{ _id: string; set?: string }>(a.c, COLLECTIONS.fingerprints).findOne({ _id: original.id });
    expect(typeof stored?.set).toBe('string');
    const [resend] = await decideChunk([article(paragraphs[0])], new MongoDedupStore(b.c), O, NOW);
    expect(resend).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: original.id, clusterId: original.id });

    await collection<{ _id: string }>(a.c, COLLECTIONS.fingerprints).insertOne({ _id: 'legacy-print', sig: stored?.['sig' as never], size: 320, bands: [], source: 'x', uri: 'u', at: NOW } as never);
    const [legacy] = await new MongoDedupStore(b.c).fingerprints(['legacy-print']).then((m) => [...m.values()]);
    expect(legacy.fingerprint.set).toBeUndefined();
    expect(legacy.fingerprint.signature.length).toBe(O.numHashes);
  });
});
