import type { DedupVerdict } from '@newswire/contracts';

/** What the index answered when asked to claim a content hash for an article. */
export type HashClaim = { claimedBy: string };

/**
 * First claimant of a content hash is the original; anyone else holding the
 * same hash is its duplicate. A redelivered original finds its own claim.
 */
export function exactVerdict(articleId: string, hash: string, claim: HashClaim, now: Date = new Date()): DedupVerdict {
  const isOriginal = claim.claimedBy === articleId;
  return {
    status: isOriginal ? 'original' : 'duplicate',
    method: isOriginal ? 'none' : 'exact',
    contentHash: hash,
    duplicateOf: isOriginal ? undefined : claim.claimedBy,
    clusterId: claim.claimedBy,
    decidedAt: now.toISOString(),
  };
}
