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
    score: isOriginal ? undefined : 1,
    contentHash: hash,
    duplicateOf: isOriginal ? undefined : claim.claimedBy,
    clusterId: claim.claimedBy,
    explanation: isOriginal ? 'first article with this text' : `same normalised text as ${claim.claimedBy}`,
    decidedAt: now.toISOString(),
  };
}

export interface VerdictContext {
  articleId: string;
  contentHash: string;
  storyKey: string;
  now: Date;
}

function base(c: VerdictContext) {
  return { contentHash: c.contentHash, storyKey: c.storyKey, decidedAt: c.now.toISOString() };
}

export function originalVerdict(c: VerdictContext, clusterId = c.articleId): DedupVerdict {
  return { ...base(c), status: 'original', method: 'none', clusterId, explanation: 'first of its story: no earlier copy within the window' };
}

export function exactDuplicateVerdict(c: VerdictContext, of: string, clusterId: string): DedupVerdict {
  return {
    ...base(c),
    status: 'duplicate',
    method: 'exact',
    score: 1,
    duplicateOf: of,
    clusterId,
    explanation: `same normalised headline and text as ${of}`,
  };
}

/** The provider's item seen before under another story key: another format's id form or spelling of the provider. */
export function sameItemVerdict(c: VerdictContext, of: string, clusterId: string): DedupVerdict {
  return {
    ...base(c),
    status: 'duplicate',
    method: 'identity',
    score: 1,
    duplicateOf: of,
    clusterId,
    explanation: `same provider item as ${of} (sender and item id agree once normalised: another format or id form)`,
  };
}

export function nearDuplicateVerdict(c: VerdictContext, of: string, clusterId: string, score: number): DedupVerdict {
  const rounded = Math.round(score * 100) / 100;
  return {
    ...base(c),
    status: 'duplicate',
    method: 'near',
    score: rounded,
    duplicateOf: of,
    clusterId,
    explanation: `near copy of ${of}: ${Math.round(rounded * 100)}% of shingles shared (Jaccard, or containment of the shorter text)`,
  };
}

export function newVersionVerdict(c: VerdictContext, previous: { articleId: string; clusterId: string }, version: string): DedupVerdict {
  return {
    ...base(c),
    status: 'new-version',
    method: 'identity',
    score: 1,
    duplicateOf: previous.articleId,
    clusterId: previous.clusterId,
    explanation: `${version} of story ${c.storyKey} supersedes ${previous.articleId}`,
  };
}

export function staleVersionVerdict(c: VerdictContext, current: { articleId: string; clusterId: string }, version: string): DedupVerdict {
  return {
    ...base(c),
    status: 'stale-version',
    method: 'identity',
    score: 1,
    duplicateOf: current.articleId,
    clusterId: current.clusterId,
    explanation: `${version} of story ${c.storyKey} is not newer than ${current.articleId}: recorded, not applied`,
  };
}
