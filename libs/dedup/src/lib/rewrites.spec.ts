import type { CanonicalArticle, DedupVerdict } from '@newswire/contracts';
import { anchorKeys } from './anchors';
import { decideChunk } from './decide-chunk';
import { fingerprintOf } from './fingerprint';
import { MemoryDedupStore } from './memory-store';
import { DEFAULT_DEDUP_OPTIONS as O } from './options';
import { overlap, shingleSetOf } from './shingle-set';
import { wordsOf } from './shingles';
import { articleMaker, EVAL_STORIES, type EvalStory } from './spec-articles';
import { isNearCopy, similarity } from './similarity';

const STORIES = EVAL_STORIES;
const NOW = new Date('2024-05-20T12:00:00Z');
const [quake, quakeOther, rates, , fire, , chips, , strike] = STORIES;

const article = articleMaker('r', 'Headline', NOW);

/** b decided in a later chunk than a, on one store. */
async function after(a: CanonicalArticle, b: CanonicalArticle): Promise<DedupVerdict> {
  const store = new MemoryDedupStore();
  await decideChunk([a], store, O, NOW);
  const [v] = await decideChunk([b], store, O, NOW);
  return v;
}

/** A digest carrying the top of one story between two others: the story is a fifth of it or less. */
const roundup = (story: EvalStory) => ['NEWS ROUNDUP', rates.headline, ...rates.paragraphs, story.headline, ...story.paragraphs.slice(0, 5), chips.headline, ...chips.paragraphs, strike.headline, ...strike.paragraphs];

describe('candidates for texts that share most of one side', () => {
  it('makes a story and a roundup carrying most of it candidates (they share index keys), though their Jaccard is far below the bands', () => {
    const story = fingerprintOf(fire.paragraphs.join('\n\n'), O);
    const digest = fingerprintOf(roundup(fire).join('\n\n'), O);
    const sim = similarity(story, digest);
    expect(sim.jaccard).toBeLessThan(0.35);
    expect(sim.containment).toBeGreaterThanOrEqual(O.containmentThreshold);
    expect(story.bandKeys.filter((k) => digest.bandKeys.includes(k)).some((k) => k.startsWith('a:'))).toBe(true);
  });

  it('keeps at most the cap of sampled anchors plus the lead, and a short text carries the anchors a long one keeps from what they share', () => {
    const long = wordsOf(roundup(fire).join(' '));
    const short = wordsOf(fire.paragraphs.slice(0, 2).join(' '));
    const longKeys = anchorKeys(long, 48);
    expect(longKeys.length).toBeLessThanOrEqual(48 + 22);
    const shared = anchorKeys(short, 48).filter((k) => longKeys.includes(k));
    expect(shared.length).toBeGreaterThan(0);
    expect(anchorKeys(long, 0)).toEqual([]);
  });

  it('verifies exactly on the stored shingle sets: containment of a trimmed copy is 1, another story on the event stays low', () => {
    const full = fingerprintOf(quake.paragraphs.join('\n\n'), O);
    const lead = fingerprintOf(quake.paragraphs.slice(0, 2).join('\n\n'), O);
    const other = fingerprintOf(quakeOther.paragraphs.slice(0, 2).join('\n\n'), O);
    expect(similarity(full, lead)).toMatchObject({ containment: 1, exact: true });
    expect(isNearCopy(similarity(full, lead), O)).toBe(true);
    expect(similarity(full, other).containment).toBeLessThan(0.2);
    expect(isNearCopy(similarity(full, other), O)).toBe(false);
  });

  it('compares capped shingle sets over the hash range both kept, so a sample still measures containment', () => {
    const big = Uint32Array.from({ length: 1000 }, (_, i) => (i * 2654435761) >>> 0);
    const part = big.slice(0, 300);
    const o = overlap(shingleSetOf(part, 3000), shingleSetOf(big, 200));
    expect(o.shared).toBe(o.a);
    expect(o.b).toBeLessThanOrEqual(200);
  });
});

describe('decideChunk: rewrites', () => {
  it('finds a roundup carrying most of a story as its near duplicate, whichever comes first', async () => {
    const story = () => article(fire.paragraphs);
    const digest = () => article(roundup(fire));
    const [s1, d1] = [story(), digest()];
    expect(await after(s1, d1)).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: s1.id, clusterId: s1.id });
    const [d2, s2] = [digest(), story()];
    expect(await after(d2, s2)).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: d2.id });
  });

  it('makes a short re-send (the first paragraph under a new URL) a duplicate, and a short story of another event-story not', async () => {
    const original = article(quake.paragraphs, { provider: 'Reuters' });
    expect(await after(original, article(quake.paragraphs.slice(0, 1), { provider: 'Reuters', uri: 'https://example.com/alert/991' }))).toMatchObject({ status: 'duplicate', method: 'near', duplicateOf: original.id });
    expect(await after(original, article(quakeOther.paragraphs.slice(0, 2), { provider: 'Reuters' }))).toMatchObject({ status: 'original' });
  });

  it('does not match a text below a paragraph by containment: a stock sentence found in a story is not a re-send of it', async () => {
    const original = article(quake.paragraphs);
    const sentence = quake.paragraphs[0].split(' ').slice(0, 9).join(' ');
    expect(await after(original, article([sentence]))).toMatchObject({ status: 'original' });
  });
});

describe('decideChunk: one provider item in two formats', () => {
  const g2 = (fields: Partial<CanonicalArticle>) => article([...quake.paragraphs.slice(0, 2), 'Officials gave new figures later in the day.'], { provider: 'Agence France-Presse', uri: 'urn:newsml:afp.com:20240520:TX-PAR-QKE12:2', version: 2, ...fields });
  const json = (fields: Partial<CanonicalArticle> = {}) => article(quake.paragraphs, { provider: 'AFP', uri: 'urn:afp:TX-PAR-QKE12', ...fields });

  it('makes the same item under another id form and spelling of the provider a duplicate by identity, though its text was revised', async () => {
    const a = json();
    expect(await after(a, g2({}))).toMatchObject({ status: 'duplicate', method: 'identity', duplicateOf: a.id, clusterId: a.id });
  });

  it('finds it within one chunk too', async () => {
    const [a, b] = [json(), g2({})];
    const [, vb] = await decideChunk([a, b], new MemoryDedupStore(), O, NOW);
    expect(vb).toMatchObject({ status: 'duplicate', method: 'identity', duplicateOf: a.id });
  });

  it('keeps another item of the provider apart, and an item whose body only names the provider apart from a signed sender', async () => {
    const a = json();
    expect(await after(a, g2({ uri: 'urn:newsml:afp.com:20240520:TX-PAR-OTHER9', bodyText: rates.paragraphs.join('\n\n') }))).toMatchObject({ status: 'original' });
    const signed = json({ source: { id: 'afp', format: 'json', channel: 'http', receivedAt: NOW.toISOString() } });
    expect(await after(signed, g2({ bodyText: rates.paragraphs.join('\n\n') }))).toMatchObject({ status: 'original' });
  });

  it('does not merge different stories whose ids only look alike once normalised (a sequence number read as a revision)', async () => {
    // The fault suite's feed: one provider, uris `urn:faults:<run>:<n>`, unrelated texts.
    const a = article(quake.paragraphs, { provider: 'Fault Wire', uri: 'urn:faults:run-mx5vi96z:0' });
    const b = article(rates.paragraphs, { provider: 'Fault Wire', uri: 'urn:faults:run-mx5vi96z:2' });
    expect(await after(a, b)).toMatchObject({ status: 'original' });
    const [, vb] = await decideChunk([a, { ...b, id: 'r-same-chunk' }], new MemoryDedupStore(), O, NOW);
    expect(vb).toMatchObject({ status: 'original' });
  });

  it('leaves versions of one story to the story key: a later version of the same id is a new version, not a duplicate', async () => {
    const a = json({ version: 1 });
    expect(await after(a, json({ version: 2, uri: a.uri }))).toMatchObject({ status: 'new-version', method: 'identity' });
  });
});
