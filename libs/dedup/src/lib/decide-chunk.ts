import type { CanonicalArticle, DedupVerdict } from '@newswire/contracts';
import { type ChunkArticle, prepareArticle } from './chunk-article';
import { decideInOrder, type PassItem } from './chunk-pass';
import { settleStories } from './chunk-stories';
import type { BandClaim, Candidate } from './near';
import type { DedupOptions } from './options';
import type { ContentClaimant, DedupStore, FingerprintRecord } from './store-port';

/**
 * The verdicts of a chunk of articles, in input order. Identity first (a
 * version of a known story supersedes it or is recorded as stale), then
 * exact text (the first claimant of a normalised text is the original),
 * then near copies (MinHash over word shingles, LSH band keys as the
 * index). The chunk costs a handful of store round trips whatever its size:
 * every claim is written first and read back only where someone else held
 * it, and a redelivered article gets the verdict it was given.
 */
export async function decideChunk(articles: readonly CanonicalArticle[], store: DedupStore, o: DedupOptions, now = new Date()): Promise<DedupVerdict[]> {
  // A message redelivered within the chunk is decided where it first appears.
  const unique = articles.filter((a, i) => articles.findIndex((b) => b.id === a.id) === i);
  const known = store.verdictsAtHand(unique.map((a) => a.id));
  // The CPU part (hashes, fingerprints) before taking the store to ourselves.
  const pending = unique.filter((a) => !known.has(a.id)).map((a) => prepareArticle(a, o, now));
  const decided = pending.length > 0 ? await store.exclusive(() => decidePending(pending, store, o, now)) : new Map<string, DedupVerdict>();
  return articles.map((a) => (known.get(a.id) ?? decided.get(a.id)) as DedupVerdict);
}

async function decidePending(chunk: readonly ChunkArticle[], store: DedupStore, o: DedupOptions, now: Date): Promise<Map<string, DedupVerdict>> {
  const stories = await settleStories(chunk, store, now);
  const { items } = stories;
  const cutoff = new Date(now.getTime() - o.windowMs);
  const inChunk = new Set(chunk.map((a) => a.id));
  const external = stories.verdicts;

  const { claimants, itemClaimants } = await claimContent(items, store, now, cutoff);
  const outside = [...new Map([...claimants, ...itemClaimants].filter(([id, c]) => c.articleId !== id && !inChunk.has(c.articleId)).map(([, c]) => [c.articleId, c])).values()];
  const [claimantVerdicts, claimantPrints] = await Promise.all([
    store.verdicts(outside.map((c) => c.articleId).filter((id) => !external.has(id))),
    // Source rules compare the claimant's source; claims from earlier releases do not carry it.
    o.sourceRules.length > 0 ? store.fingerprints(outside.filter((c) => c.source === undefined).map((c) => c.articleId)) : new Map<string, Candidate>(),
  ]);
  claimantVerdicts.forEach((v, id) => external.set(id, v));

  // First pass: the chunk alone decides which keys it claims, and with which cluster.
  const first = decideInOrder(items, { claimants, itemClaimants, held: new Map(), candidates: claimantPrints, verdicts: external }, o, now);
  await store.saveFingerprints(items.filter((i) => first.participants.has(i.a.id)).map((i) => recordOf(i)));
  const held = holdersByKey(await store.claimBands(first.claims, cutoff));

  // Second pass: the keys others held are now known, and so are their holders.
  const holders = [...new Set([...held.values()].flat().map((c) => c.articleId))].filter((id) => !inChunk.has(id));
  const [prints, holderVerdicts] = await Promise.all([store.fingerprints(holders), store.verdicts(holders.filter((id) => !external.has(id)))]);
  holderVerdicts.forEach((v, id) => external.set(id, v));
  const final = held.size === 0 ? first : decideInOrder(items, { claimants, itemClaimants, participants: first.participants, held, candidates: new Map([...claimantPrints, ...prints]), verdicts: external }, o, now);

  const [saved] = await Promise.all([store.saveVerdicts(final.verdicts), store.holdFurther(final.further)]);
  return new Map([...stories.adopted, ...saved]);
}

/**
 * One claim per text, by the first article in the chunk that carries it; the
 * others in the chunk share its answer. In the same write, one claim per
 * item identity (provider and item id across formats) by the first version
 * of each new story: a later story with that identity is the same item.
 */
async function claimContent(items: readonly PassItem[], store: DedupStore, now: Date, cutoff: Date): Promise<{ claimants: Map<string, ContentClaimant>; itemClaimants: Map<string, ContentClaimant> }> {
  const claiming = items.filter((i) => i.step.kind !== 'stale');
  const firstByHash = new Map<string, PassItem>();
  for (const i of claiming) if (!firstByHash.has(i.a.ctx.contentHash)) firstByHash.set(i.a.ctx.contentHash, i);
  const identified = items.filter((i) => i.step.kind === 'first' && i.a.itemKey);
  for (const i of identified) if (!firstByHash.has(i.a.itemKey as string)) firstByHash.set(i.a.itemKey as string, i);
  const byHash = await store.claimContent(
    [...firstByHash].map(([hash, { a }]) => ({ hash, articleId: a.id, source: a.source, uri: a.uri, at: now })),
    cutoff,
  );
  return {
    claimants: new Map(claiming.map((i) => [i.a.id, byHash.get(i.a.ctx.contentHash) as ContentClaimant])),
    itemClaimants: new Map(identified.map((i) => [i.a.id, byHash.get(i.a.itemKey as string) as ContentClaimant])),
  };
}

function holdersByKey(claims: readonly BandClaim[]): Map<string, BandClaim[]> {
  const out = new Map<string, BandClaim[]>();
  for (const c of claims) {
    const holders = out.get(c.key);
    if (holders) holders.push(c);
    else out.set(c.key, [c]);
  }
  return out;
}

function recordOf({ a }: PassItem): FingerprintRecord {
  return { articleId: a.id, encoded: a.fingerprint.encoded, encodedSet: a.fingerprint.encodedSet, size: a.fingerprint.size, bandKeys: a.fingerprint.bandKeys, source: a.source, uri: a.uri, at: a.version.at };
}
