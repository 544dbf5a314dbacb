import type { DedupOptions } from './options';
import { type Fingerprint, isNearCopy, scoreOf, similarity } from './similarity';
import { mayMerge, type SourceRef } from './source-rules';

/** The first article to insert a band key owns it; `clusterId` is the cluster it decided on. */
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
 */
export function chooseNear(self: NearSelf, claims: readonly BandClaim[], candidates: ReadonlyMap<string, Candidate>, o: DedupOptions, now: number): NearChoice {
  const byKey = new Map(claims.map((c) => [c.key, c]));
  const owner = (key: string) => byKey.get(key)?.articleId ?? self.articleId;
  const verified = new Map<string, number>();
  for (const c of candidates.values()) {
    if (c.articleId === self.articleId || isExpired(c.at, now, o) || !mayMerge(self, c, o.sourceRules)) continue;
    const sim = similarity(self.fingerprint, c.fingerprint);
    if (isNearCopy(sim, o)) verified.set(c.articleId, scoreOf(sim, o));
  }
  let best: Extract<NearChoice, { kind: 'match' }> | undefined;
  let anchorScore = 0;
  for (const [peerId, score] of verified) {
    const peer = candidates.get(peerId) as Candidate;
    const shared = peer.bandKeys.filter((k) => self.bandKeys.includes(k)).sort(keyOrder);
    // The pair's deciding key: the lowest shared one held by either side or by a verified copy of ours.
    const key = shared.find((k) => owner(k) === self.articleId || verified.has(owner(k)));
    if (!key) continue;
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
  return verified.size > 0 ? { kind: 'anchor', score: anchorScore, peers: verified.size } : { kind: 'none' };
}
