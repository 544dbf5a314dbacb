import type { DedupOptions } from './options';
import { type Fingerprint, isNearCopy, scoreOf, similarity } from './similarity';
import { mayMerge, type SourceRef } from './source-rules';

/**
 * A hold on an index key. The first article to insert a key owns it; a few
 * later articles of other clusters hold it too (HOLDERS_PER_KEY), so an
 * article whose keys all went to unrelated earlier articles (shared
 * boilerplate, syndicated paragraphs) can still be found through them.
 * `clusterId` is the cluster the holder decided on.
 */
export interface BandClaim {
  key: string;
  articleId: string;
  clusterId: string;
  /** When the owner was first seen (ms since epoch). */
  at: number;
}

export interface Candidate extends SourceRef {
  articleId: string;
  fingerprint: Fingerprint;
  bandKeys: readonly string[];
  /** First seen (ms since epoch). */
  at: number;
}

export interface NearSelf extends SourceRef {
  articleId: string;
  fingerprint: Fingerprint;
  bandKeys: readonly string[];
  /** First seen (ms since epoch). */
  at: number;
}

/**
 * Holders a band key keeps at most: its owner and up to three articles of
 * other clusters. Bounded because boilerplate keys are shared by every
 * article that carries the boilerplate; four is enough for the gap seen in
 * bench:pipeline (an original's 27 shared keys held by 17 unrelated
 * articles, at most two per key). Only LSH band keys get further holders:
 * a near copy shares bands with its original (that is what the banding
 * guarantees), while the rare-phrase anchors are what syndicated
 * boilerplate shares, and holding those too cost eight store writes per
 * article in bench:pipeline (85% of further holds).
 */
export const HOLDERS_PER_KEY = 4;

/** Whether a key is one of the LSH bands (anchors are not). */
export function isBandKey(key: string): boolean {
  return bandOf(key) !== Number.MAX_SAFE_INTEGER;
}

export type NearChoice =
  | { kind: 'none' }
  /** This article anchors every pair it is part of: it is the original of its cluster. */
  | { kind: 'anchor'; score: number; peers: number }
  | { kind: 'match'; of: string; clusterId: string; score: number; band: number; key: string };

/** The band of an LSH key; anchor keys (not numbered) come after every band. */
export function bandOf(key: string): number {
  const band = Number(key.slice(0, key.indexOf(':')));
  return Number.isInteger(band) ? band : Number.MAX_SAFE_INTEGER;
}

/** One order of index keys both sides of a pair agree on: bands first, then by key. */
export function keyOrder(a: string, b: string): number {
  return bandOf(a) - bandOf(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function isExpired(at: number, now: number, o: Pick<DedupOptions, 'windowMs'>): boolean {
  return at < now - o.windowMs;
}

/**
 * Decides the cluster through band ownership rather than arrival order:
 * for each verified near copy, the owner of the lowest band key the two
 * share wins the pair. Both sides of a pair read that same key, so two
 * deduplicators racing on two copies reach the same answer whoever wrote
 * first. Keys nobody holds yet count as ours: we are about to insert them,
 * and if that insert loses, the caller reads again and decides again.
 * `claims` lists each key's holders owner first.
 *
 * A verified copy that owns none of the keys the pair shares (each is owned
 * by an unrelated article; the copy is only a further holder) is the
 * original when no key decides: a candidate was decided before this
 * article (stored, or earlier in its chunk), and two racing deduplicators
 * cannot both find the other this way, because a further hold is written
 * only after its writer has read the keys. Of several such copies, the
 * first seen.
 */
export function chooseNear(self: NearSelf, claims: readonly BandClaim[], candidates: ReadonlyMap<string, Candidate>, o: DedupOptions, now: number): NearChoice {
  const byKey = new Map<string, BandClaim>();
  for (const c of claims) if (!byKey.has(c.key)) byKey.set(c.key, c);
  const owner = (key: string) => byKey.get(key)?.articleId ?? self.articleId;
  const verified = new Map<string, number>();
  for (const c of candidates.values()) {
    if (c.articleId === self.articleId || isExpired(c.at, now, o) || !mayMerge(self, c, o.sourceRules)) continue;
    const sim = similarity(self.fingerprint, c.fingerprint);
    if (isNearCopy(sim, o)) verified.set(c.articleId, scoreOf(sim, o));
  }
  let best: Extract<NearChoice, { kind: 'match' }> | undefined;
  let elder: Extract<NearChoice, { kind: 'match' }> | undefined;
  let anchorScore = 0;
  for (const [peerId, score] of verified) {
    const peer = candidates.get(peerId) as Candidate;
    const shared = peer.bandKeys.filter((k) => self.bandKeys.includes(k)).sort(keyOrder);
    // The pair's deciding key: the lowest shared one held by either side or by a verified copy of ours.
    const key = shared.find((k) => owner(k) === self.articleId || verified.has(owner(k)));
    if (!key) {
      if (!elder || precedes(peer, candidates.get(elder.of) as Candidate)) elder = furtherHolderMatch(peer, shared, claims, score);
      continue;
    }
    const winner = owner(key);
    if (winner === self.articleId) {
      anchorScore = Math.max(anchorScore, score);
      continue;
    }
    const claim = byKey.get(key) as BandClaim;
    if (!best || keyOrder(key, best.key) < 0) {
      best = { kind: 'match', of: winner, clusterId: claim.clusterId, score: verified.get(winner) ?? score, band: bandOf(key), key };
    }
  }
  if (best && best.clusterId !== self.articleId) return best;
  if (elder && elder.clusterId !== self.articleId) return elder;
  return verified.size > 0 ? { kind: 'anchor', score: anchorScore, peers: verified.size } : { kind: 'none' };
}

/** First seen, then by id: one order whatever the order of the candidates. */
function precedes(a: { articleId: string; at: number }, b: { articleId: string; at: number }): boolean {
  return a.at < b.at || (a.at === b.at && a.articleId < b.articleId);
}

/** A match on a copy found only as a further holder: its cluster is the one its hold carries. */
function furtherHolderMatch(peer: Candidate, shared: readonly string[], claims: readonly BandClaim[], score: number): Extract<NearChoice, { kind: 'match' }> {
  const hold = claims.find((c) => c.articleId === peer.articleId && shared.includes(c.key));
  const key = hold?.key ?? shared[0] ?? '';
  return { kind: 'match', of: peer.articleId, clusterId: hold?.clusterId ?? peer.articleId, score, band: bandOf(key), key };
}
