import type { CanonicalArticle, DedupVerdict } from '@newswire/contracts';
import { decideChunk } from './decide-chunk';
import { fingerprintOf } from './fingerprint';
import { HOLDERS_PER_KEY, isBandKey } from './near';
import { MemoryDedupState, MemoryDedupStore } from './memory-store';
import { DEFAULT_DEDUP_OPTIONS as O, type DedupOptions } from './options';
import { articleMaker, EVAL_STORIES } from './spec-articles';
import { storyEventsOf } from './story-events';

const STORIES = EVAL_STORIES;
const NOW = new Date('2024-05-20T12:00:00Z');

const article = articleMaker('a', STORIES[0].headline, NOW);

const fire = STORIES[4];
const fireOther = STORIES[5];
const edited = () => ['ATHENS (AP) - ' + fire.paragraphs[0], ...fire.paragraphs.slice(1, 4).map((p) => p.replace(/percent/g, 'per cent')), 'Sign up for our newsletter.'];

async function decide(store: MemoryDedupStore, chunk: CanonicalArticle[], o: DedupOptions = O, now = NOW): Promise<Map<string, DedupVerdict>> {
  const verdicts = await decideChunk(chunk, store, o, now);
  return new Map(chunk.map((a, i) => [a.id, verdicts[i]]));
}

describe('decideChunk: content', () => {
  it('makes a second copy of a text a duplicate of the first, inside one chunk and across chunks', async () => {
    const store = new MemoryDedupStore();
    const [a, b, c] = [article(fire.paragraphs), article(fire.paragraphs.map((p) => p.toUpperCase())), article(fire.paragraphs)];
    const first = await decide(store, [a, b]);
    expect(first.get(a.id)).toMatchObject({ status: 'original', method: 'none', clusterId: a.id });
    expect(first.get(b.id)).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: a.id, clusterId: a.id, score: 1 });
    expect((await decide(store, [c])).get(c.id)).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: a.id, clusterId: a.id });
  });

  it('finds an edited copy as a near duplicate with a score, and keeps another story on the same event apart', async () => {
    for (const split of [false, true]) {
      const store = new MemoryDedupStore();
      const [original, copy, sameEvent] = [article(fire.paragraphs), article(edited(), { headline: fire.alt }), article(fireOther.paragraphs)];
      const v = split ? new Map([...(await decide(store, [original])), ...(await decide(store, [copy, sameEvent]))]) : await decide(store, [original, copy, sameEvent]);
      expect(v.get(original.id)).toMatchObject({ status: 'original', clusterId: original.id });
      expect(v.get(copy.id)).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: original.id, clusterId: original.id });
      expect(v.get(copy.id)?.score).toBeGreaterThan(0.6);
      expect(v.get(copy.id)?.explanation).toContain(original.id);
      expect(v.get(sameEvent.id)).toMatchObject({ status: 'original', clusterId: sameEvent.id });
    }
  });

  it('finds copies of what another instance stored before this one started', async () => {
    const state = new MemoryDedupState();
    const original = article(fire.paragraphs);
    await decide(new MemoryDedupStore(state), [original]);
    const restarted = new MemoryDedupStore(state);
    const [exact, near] = [article(fire.paragraphs), article(edited())];
    const v = await decide(restarted, [exact, near]);
    expect(v.get(exact.id)).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: original.id, clusterId: original.id });
    expect(v.get(near.id)).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: original.id, clusterId: original.id });
  });

  it.each([
    ['in a later chunk', false],
    ['in the same chunk, whatever the order of the ids', true],
  ])('finds a copy whose shared index keys an unrelated article had all claimed before the original came (%s)', async (_, oneChunk) => {
    // Agencies share boilerplate and syndicated paragraphs, so a key's first holder is often another story.
    const store = new MemoryDedupStore();
    const [original, copy] = [article(fire.paragraphs, { id: 'z-original' }), article(edited(), { id: 'a-copy' })];
    const [ofOriginal, ofCopy] = [fingerprintOf(original.bodyText, O), fingerprintOf(copy.bodyText, O)];
    const shared = ofCopy.bandKeys.filter((k) => ofOriginal.bandKeys.includes(k));
    expect(shared.filter(isBandKey).length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(ofOriginal.bandKeys.length);
    const other = fingerprintOf(fireOther.paragraphs.join('\n\n'), O);
    const at = NOW.getTime() - 60_000;
    store.state.fingerprints.set('x1', { articleId: 'x1', encoded: other.encoded, encodedSet: other.encodedSet, size: other.size, bandKeys: [...other.bandKeys, ...shared], source: 'outlet x', uri: 'urn:test:x1', at: new Date(at) });
    for (const key of shared) store.state.bands.set(key, [{ key, articleId: 'x1', clusterId: 'x1', at }]);
    const v = oneChunk ? await decide(store, [original, copy]) : new Map([...(await decide(store, [original])), ...(await decide(store, [copy]))]);
    expect(v.get(original.id)).toMatchObject({ status: 'original' });
    // The original holds the shared bands as well; the shared anchors stay with their one holder.
    expect(shared.filter(isBandKey).map((k) => store.state.bands.get(k)?.map((h) => h.articleId))).toEqual(shared.filter(isBandKey).map(() => ['x1', original.id]));
    expect(shared.filter((k) => !isBandKey(k)).every((k) => store.state.bands.get(k)?.length === 1)).toBe(true);
    expect(v.get(copy.id)).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: original.id, clusterId: original.id });
  });

  it('keeps a key to a few holders, and to one per cluster', async () => {
    const store = new MemoryDedupStore();
    const original = article(fire.paragraphs);
    await decide(store, [original]);
    const keys = fingerprintOf(original.bodyText, O).bandKeys;
    // Copies of the same story add no holder.
    await decide(store, [article(fire.paragraphs), article(edited())]);
    expect(keys.every((k) => store.state.bands.get(k)?.length === 1)).toBe(true);
    // Other stories quoting the same two paragraphs do, each key up to the bound.
    const clusterOf = new Map([[original.id, original.id]]);
    for (const a of Array.from({ length: HOLDERS_PER_KEY + 2 }, (_, i) => article([...fire.paragraphs.slice(0, 2), ...STORIES[6 + i].paragraphs]))) {
      const v = (await decide(store, [a])).get(a.id) as DedupVerdict;
      if (v.status === 'original') clusterOf.set(a.id, v.clusterId);
    }
    const carriersOf = (key: string) => [...clusterOf.keys()].filter((id) => store.state.fingerprints.get(id)?.bandKeys.includes(key));
    // The band most of these stories carry, more than it may keep.
    const key = keys.filter(isBandKey).sort((a, b) => carriersOf(b).length - carriersOf(a).length)[0];
    expect(carriersOf(key).length).toBeGreaterThan(HOLDERS_PER_KEY);
    const holders = store.state.bands.get(key) ?? [];
    expect(holders).toHaveLength(HOLDERS_PER_KEY);
    expect(holders.map((h) => h.articleId)).toEqual(carriersOf(key).slice(0, HOLDERS_PER_KEY));
    expect(new Set(holders.map((h) => h.clusterId)).size).toBe(holders.length);
    expect(holders[0].articleId).toBe(original.id);
  });

  it('joins a copy of a copy to the cluster of the first, through the copy', async () => {
    const store = new MemoryDedupStore();
    const original = article(fire.paragraphs);
    const copy = article([...fire.paragraphs.slice(0, 5), fireOther.paragraphs[0], fireOther.paragraphs[1]]);
    const copyOfCopy = article([...fire.paragraphs.slice(2, 5), fireOther.paragraphs[0], fireOther.paragraphs[1], fireOther.paragraphs[2]]);
    await decide(store, [original]);
    await decide(store, [copy]);
    const v = (await decide(store, [copyOfCopy])).get(copyOfCopy.id);
    expect(v?.clusterId).toBe(original.id);
  });

  it('matches short texts exactly only', async () => {
    const store = new MemoryDedupStore();
    const [a, b, c] = [article(['Markets closed higher.']), article(['Markets closed higher!']), article(['Markets closed lower.'])];
    const v = await decide(store, [a, b, c]);
    expect(v.get(b.id)).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: a.id });
    expect(v.get(c.id)).toMatchObject({ status: 'original', clusterId: c.id });
  });

  it('never merges two ids of a source whose ids are authoritative', async () => {
    const o = { ...O, sourceRules: [{ source: 'reuters', distinctIds: true }] };
    const store = new MemoryDedupStore();
    const [a, b] = [article(fire.paragraphs, { provider: 'Reuters' }), article(fire.paragraphs, { provider: 'Reuters' })];
    await decide(store, [a], o);
    expect((await decide(store, [b], o)).get(b.id)).toMatchObject({ status: 'original', clusterId: b.id });
  });

  it('ignores earlier copies outside the window', async () => {
    const store = new MemoryDedupStore();
    const [a, b] = [article(fire.paragraphs), article(fire.paragraphs)];
    await decide(store, [a], O, new Date(NOW.getTime() - O.windowMs - 1000));
    expect((await decide(store, [b])).get(b.id)).toMatchObject({ status: 'original', clusterId: b.id });
  });
});

describe('decideChunk: versions of one story', () => {
  const s = STORIES[0];
  const versions = () => {
    const common = { uri: 'urn:test:quake-1', provider: 'Reuters' };
    return {
      v1: article(s.paragraphs, { ...common, version: 1 }),
      v3: article([...s.paragraphs.slice(0, -1), 'Officials later raised the death toll to 81.'], { ...common, version: 3, signals: ['correction'] }),
      v2: article(s.paragraphs.slice(0, 4), { ...common, version: 2 }),
      v4: article(['KILL: withdrawn, unverified casualty figures.', ...s.paragraphs.slice(0, 2)], { ...common, version: 4, pubStatus: 'canceled' }),
    };
  };

  it.each([
    ['in one chunk', (all: CanonicalArticle[]) => [all]],
    ['one per chunk', (all: CanonicalArticle[]) => all.map((a) => [a])],
  ])('supersedes with newer versions, records late ones as stale, announces the correction and the kill (%s)', async (_, chunks) => {
    const store = new MemoryDedupStore();
    const { v1, v2, v3, v4 } = versions();
    const v = new Map<string, DedupVerdict>();
    for (const chunk of chunks([v1, v3, v2, v4])) (await decide(store, chunk)).forEach((x, id) => v.set(id, x));
    expect(v.get(v1.id)).toMatchObject({ status: 'original', clusterId: v1.id, storyKey: 'reuters|urn:test:quake-1' });
    expect(v.get(v3.id)).toMatchObject({ status: 'new-version', method: 'identity', duplicateOf: v1.id, clusterId: v1.id });
    expect(v.get(v2.id)).toMatchObject({ status: 'stale-version', duplicateOf: v3.id, clusterId: v1.id });
    expect(v.get(v2.id)?.explanation).toContain('not newer');
    expect(v.get(v4.id)).toMatchObject({ status: 'new-version', duplicateOf: v3.id, clusterId: v1.id });
    expect(storyEventsOf(v3, v.get(v3.id) as DedupVerdict).corrected).toMatchObject({ previousArticleId: v1.id, signals: ['correction'] });
    expect(storyEventsOf(v2, v.get(v2.id) as DedupVerdict)).toEqual({});
    expect(storyEventsOf(v4, v.get(v4.id) as DedupVerdict).killed).toMatchObject({ storyKey: 'reuters|urn:test:quake-1', clusterId: v1.id });
    const story = store.state.stories.get('reuters|urn:test:quake-1');
    expect(story).toMatchObject({ currentArticleId: v4.id, killed: true });
    expect(story?.history.map((h) => h.articleId)).toEqual([v1.id, v3.id, v2.id, v4.id]);
  });

  it('kills a story even when the cancel arrives late, and leaves the current version alone', async () => {
    const store = new MemoryDedupStore();
    const { v1, v3 } = versions();
    const lateKill = article(['KILL'], { uri: 'urn:test:quake-1', provider: 'Reuters', version: 2, pubStatus: 'canceled' });
    await decide(store, [v1, v3]);
    const v = (await decide(store, [lateKill])).get(lateKill.id) as DedupVerdict;
    expect(v).toMatchObject({ status: 'stale-version', duplicateOf: v3.id });
    expect(storyEventsOf(lateKill, v).killed).toMatchObject({ articleId: lateKill.id });
    expect(store.state.stories.get('reuters|urn:test:quake-1')).toMatchObject({ currentArticleId: v3.id, killed: true });
  });

  it('records a resend of the same version under a new id as stale, and a new version from another instance after a restart joins the cluster', async () => {
    const state = new MemoryDedupState();
    const { v1, v3 } = versions();
    await decide(new MemoryDedupStore(state), [v1]);
    const resend = article(s.paragraphs, { uri: 'urn:test:quake-1', provider: 'Reuters', version: 1 });
    const other = new MemoryDedupStore(state);
    const v = await decide(other, [resend, v3]);
    expect(v.get(resend.id)).toMatchObject({ status: 'stale-version', duplicateOf: v1.id, clusterId: v1.id });
    expect(v.get(v3.id)).toMatchObject({ status: 'new-version', duplicateOf: v1.id, clusterId: v1.id });
  });

  it('lets a later copy of a new version find the story cluster', async () => {
    const store = new MemoryDedupStore();
    const { v1, v3 } = versions();
    await decide(store, [v1, v3]);
    const copy = article(v3.bodyText.split('\n\n'), { headline: v3.headline });
    expect((await decide(store, [copy])).get(copy.id)).toMatchObject({ status: 'duplicate', method: 'exact', duplicateOf: v3.id, clusterId: v1.id });
  });
});

describe('decideChunk: redeliveries and restarts', () => {
  it('gives a redelivered article the verdict it was first given, from memory and after a restart, and writes nothing', async () => {
    const state = new MemoryDedupState();
    const first = new MemoryDedupStore(state);
    const [a, b] = [article(fire.paragraphs), article(fire.paragraphs)];
    const before = await decide(first, [a, b]);
    const callsBefore = first.totalCalls;
    expect(await decide(first, [b, a])).toEqual(before);
    expect(first.totalCalls).toBe(callsBefore);

    const restarted = new MemoryDedupStore(state);
    const stored = structuredClone([...state.stories.values()]);
    expect(await decide(restarted, [b, a])).toEqual(before);
    expect([...state.stories.values()]).toEqual(stored);
    expect(restarted.calls.get('saveVerdicts')).toBeUndefined();
  });

  it('decides an article that comes twice in a chunk where it first comes, and gives it that verdict twice', async () => {
    const common = { uri: 'urn:test:twice', provider: 'AP' };
    const [v1, v2] = [article(fire.paragraphs, { ...common, version: 1 }), article(edited(), { ...common, version: 2 })];
    const verdicts = await decideChunk([v1, v2, v1], new MemoryDedupStore(), O, NOW);
    expect(verdicts[0]).toMatchObject({ status: 'original' });
    expect(verdicts[1]).toMatchObject({ status: 'new-version', duplicateOf: v1.id });
    expect(verdicts[2]).toEqual(verdicts[0]);
  });

  it('finishes an attempt that stopped after its story was written', async () => {
    const state = new MemoryDedupState();
    const a = article(fire.paragraphs, { uri: 'urn:x', provider: 'AP', version: 2 });
    const previous = article(fireOther.paragraphs, { uri: 'urn:x', provider: 'AP', version: 1 });
    const copy = article(fire.paragraphs);
    await decide(new MemoryDedupStore(state), [previous]);
    // The interrupted attempt: the story advanced to `a`, nothing else happened.
    const story = state.stories.get('ap|urn:x');
    if (!story) throw new Error('story missing');
    state.stories.set('ap|urn:x', { ...story, rank: '0000000002:000000000000000', currentArticleId: a.id, history: [...story.history, { articleId: a.id, rank: '0000000002:000000000000000', pubStatus: 'usable', version: 2, at: NOW }] });
    const v = await decide(new MemoryDedupStore(state), [a, copy]);
    expect(v.get(a.id)).toMatchObject({ status: 'new-version', duplicateOf: previous.id, clusterId: previous.id });
    expect(v.get(copy.id)).toMatchObject({ status: 'duplicate', duplicateOf: a.id, clusterId: previous.id });
  });
});

function seeded(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

describe('decideChunk: several instances on one store', () => {
  it('agrees on the original of one text when two instances race without the lease', async () => {
    const state = new MemoryDedupState();
    const [x, y] = [new MemoryDedupStore(state, { exclusive: false }), new MemoryDedupStore(state, { exclusive: false })];
    const [a, b] = [article(fire.paragraphs), article(fire.paragraphs)];
    const [va, vb] = await Promise.all([decideChunk([a], x, O, NOW), decideChunk([b], y, O, NOW)]);
    const originals = [va[0], vb[0]].filter((v) => v.status === 'original');
    expect(originals).toHaveLength(1);
    const winner = va[0].status === 'original' ? a.id : b.id;
    expect([va[0], vb[0]].find((v) => v.status === 'duplicate')).toMatchObject({ method: 'exact', duplicateOf: winner, clusterId: winner });
  });

  it.each([2, 3, 4])('ends racing chunks of copies of one story in one cluster with one original, the store interleaving their claims (order %i)', async (seed) => {
    const state = new MemoryDedupState();
    const P = STORIES[seed].paragraphs;
    const variants = [P, ['X (AP) - ' + P[0], ...P.slice(1)], P.slice(0, 5), [...P, 'Follow us for updates.'], [P[0], P[2], P[1], ...P.slice(3)], P.slice(0, 4), P.slice(1), P.map((p) => p.replace(/the/g, 'a'))];
    const random = seeded(seed);
    // Each chunk takes the copies in another order, so each wins some of the keys: without the lease (exclusive: false) these chunks end in two clusters.
    const chunks = [0, 1, 2, 3].map(() => [...variants].sort(() => random() - 0.5).slice(0, 5).map((p) => article(p)));
    const all = await Promise.all(chunks.map((chunk) => decideChunk(chunk, new MemoryDedupStore(state, { interleave: true }), O, NOW)));
    const verdicts = all.flat();
    expect(new Set(verdicts.map((v) => v.clusterId)).size).toBe(1);
    expect(verdicts.filter((v) => v.status === 'original')).toHaveLength(1);
  });
});

describe('decideChunk: store round trips', () => {
  it('costs a constant number of store calls per chunk, whatever its size and mix', async () => {
    const calls = async (n: number) => {
      const store = new MemoryDedupStore();
      await decide(store, [article(STORIES[1].paragraphs)]);
      const before = store.totalCalls;
      const chunk = Array.from({ length: n }, (_, i) => {
        const s = STORIES[i % STORIES.length];
        return i % 3 === 0 ? article(s.paragraphs) : article([`Item ${i}.`, ...s.paragraphs.slice(i % 4)]);
      });
      await decide(store, chunk);
      return store.totalCalls - before;
    };
    const [small, large] = [await calls(5), await calls(100)];
    expect(large).toBeLessThanOrEqual(8);
    expect(large).toBeLessThanOrEqual(small + 2);
  });
});
