import type { DedupVerdict } from '@newswire/contracts';
import type { BandClaim, Candidate } from './near';

/** One version of a story as the story record keeps it. */
export interface StoryVersion {
  articleId: string;
  rank: string;
  version?: number;
  versionCreated?: string;
  pubStatus: string;
  at: Date;
}

/** The record of one story (source and the source's id), whatever its versions. */
export interface StoryState {
  key: string;
  rank: string;
  currentArticleId: string;
  /** Written by earlier releases; the cluster of a story is otherwise the one in its articles' verdicts. */
  clusterId?: string;
  pubStatus: string;
  killed?: boolean;
  firstSeenAt: Date;
  updatedAt: Date;
  /** The latest few versions, oldest first, late arrivals included. */
  history: StoryVersion[];
  /** The store's write token for this state, opaque here: a replace applies only while it is unchanged. */
  rev?: string;
}

export interface StoryReplace {
  expected: StoryState;
  next: StoryState;
}

/** A claim on a normalised text: the first claimant within the window is the original. */
export interface ContentClaim {
  hash: string;
  articleId: string;
  source: string;
  uri: string;
  at: Date;
}

export interface ContentClaimant {
  articleId: string;
  /** First seen, ms since epoch. */
  at: number;
  /** Absent on claims written by earlier releases. */
  source?: string;
  uri?: string;
}

/** What a later article needs to verify a near copy of this one. */
export interface FingerprintRecord {
  articleId: string;
  encoded: string;
  /** The shingle set (see shingle-set.ts); absent on records of earlier releases. */
  encodedSet?: string;
  size: number;
  bandKeys: readonly string[];
  source: string;
  uri: string;
  at: Date;
}

/**
 * The dedup index as the decision sees it: batch operations, each one store
 * round trip or a few, whatever the chunk's size. Claims are first writer
 * wins and never change afterwards, except that a claim older than the
 * window may be taken over; verdicts and fingerprints are written once.
 * That is what makes them safe to cache, in this process and across
 * instances.
 */
export interface DedupStore {
  /**
   * Runs `work` while no other deduplicator runs a chunk on this store, so
   * each chunk sees every earlier chunk settled (its claims and verdicts).
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Verdicts this process already holds, without asking the store. */
  verdictsAtHand(articleIds: readonly string[]): Map<string, DedupVerdict>;
  verdicts(articleIds: readonly string[]): Promise<Map<string, DedupVerdict>>;
  /** The first verdict stored for an article stays: returns what is stored for each, ours or an earlier one. */
  saveVerdicts(verdicts: ReadonlyMap<string, DedupVerdict>): Promise<Map<string, DedupVerdict>>;
  /** Creates the stories that do not exist yet; returns the stored state of those that did. */
  createStories(stories: readonly StoryState[]): Promise<Map<string, StoryState>>;
  stories(keys: readonly string[]): Promise<Map<string, StoryState>>;
  /** Replaces each story whose stored state is still the expected one; returns the keys that had changed. */
  replaceStories(replaces: readonly StoryReplace[]): Promise<Set<string>>;
  /** Claims each hash for its article unless someone holds it within the window; returns the claimant of each. */
  claimContent(claims: readonly ContentClaim[], cutoff: Date): Promise<Map<string, ContentClaimant>>;
  /** Written before the article's band claims, so whoever sees a claim can verify it. */
  saveFingerprints(records: readonly FingerprintRecord[]): Promise<void>;
  fingerprints(articleIds: readonly string[]): Promise<Map<string, Candidate>>;
  /**
   * Claims each band key for its article unless someone holds it within the
   * window (an older claim is taken over, and its further holders dropped);
   * returns the holds others have on the keys asked for, each key's owner
   * first, then its further holders in the order they came.
   */
  claimBands(claims: readonly BandClaim[], cutoff: Date): Promise<BandClaim[]>;
  /**
   * Adds each claim as a further holder of its key, unless the key already
   * has HOLDERS_PER_KEY holders or lists the article (a redelivery).
   */
  holdFurther(claims: readonly BandClaim[]): Promise<void>;
}
