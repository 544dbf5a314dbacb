import type { DedupVerdict } from '@newswire/contracts';
import { type BandClaim, type Candidate, type ContentClaimant, type FingerprintRecord, type StoryState, storedFingerprint } from '@newswire/dedup';

/**
 * The stored shapes. Compatible with what earlier releases wrote: new
 * fields are optional (`rev`, a content claim's `source`/`uri`), and fields
 * no longer written are still read (a story's `clusterId`).
 */

/** `_id` is the story key (source|uri). */
export type StoryDoc = Omit<StoryState, 'key'> & { _id: string };

/** `_id` is the normalised-text hash. */
export interface ContentHashDoc {
  _id: string;
  articleId: string;
  firstSeenAt: Date;
  source?: string;
  uri?: string;
}

/** `_id` is the article id. */
export interface FingerprintDoc {
  _id: string;
  sig: string;
  /** The shingle set, base64 (absent on documents of earlier releases). */
  set?: string;
  size: number;
  bands: string[];
  source: string;
  uri: string;
  at: Date;
}

/** `_id` is the band key `"<band>:<hex>"`; `clusterId` is the cluster its holder decided when it claimed the key. */
export interface BandDoc {
  _id: string;
  articleId: string;
  clusterId: string;
  at: Date;
}

/** `_id` is the article id. */
export interface VerdictDoc {
  _id: string;
  verdict: DedupVerdict;
}

export function storyDoc(s: StoryState, rev: string): StoryDoc {
  return clean({ _id: s.key, rank: s.rank, currentArticleId: s.currentArticleId, clusterId: s.clusterId, pubStatus: s.pubStatus, killed: s.killed, firstSeenAt: s.firstSeenAt, updatedAt: s.updatedAt, history: s.history, rev });
}

export function storyState(d: StoryDoc): StoryState {
  const { _id, ...rest } = d;
  return { key: _id, ...rest };
}

export function contentDoc(hash: string, c: ContentClaimant): ContentHashDoc {
  return clean({ _id: hash, articleId: c.articleId, firstSeenAt: new Date(c.at), source: c.source, uri: c.uri });
}

export function contentClaimant(d: ContentHashDoc): ContentClaimant {
  return clean({ articleId: d.articleId, at: d.firstSeenAt.getTime(), source: d.source, uri: d.uri });
}

export function fingerprintDoc(r: FingerprintRecord): FingerprintDoc {
  return clean({ _id: r.articleId, sig: r.encoded, set: r.encodedSet, size: r.size, bands: [...r.bandKeys], source: r.source, uri: r.uri, at: r.at });
}

export function candidate(d: FingerprintDoc): Candidate {
  return { articleId: d._id, source: d.source, uri: d.uri, fingerprint: storedFingerprint(d.sig, d.size, d.set), bandKeys: d.bands, at: d.at.getTime() };
}

export function bandDoc(c: BandClaim): BandDoc {
  return { _id: c.key, articleId: c.articleId, clusterId: c.clusterId, at: new Date(c.at) };
}

export function bandClaim(d: BandDoc): BandClaim {
  return { key: d._id, articleId: d.articleId, clusterId: d.clusterId, at: d.at.getTime() };
}

/** BSON would store `undefined` as null. */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
