import type { DedupVerdict } from '@newswire/contracts';
import { type BandClaim, type Candidate, type ContentClaimant, type FingerprintRecord, HOLDERS_PER_KEY, type StoryState, storedFingerprint } from '@newswire/dedup';

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

/** A further holder of a band key (see HOLDERS_PER_KEY). */
export interface BandHolderDoc {
  articleId: string;
  clusterId: string;
  at: Date;
}

/**
 * `_id` is the band key `"<band>:<hex>"`; the fields name its owner and the
 * cluster the owner decided when it claimed the key; `more` lists further
 * holders in the order they came (absent on documents of earlier releases;
 * written empty by a claim so that taking over an expired key drops them).
 */
export interface BandDoc extends BandHolderDoc {
  _id: string;
  more?: BandHolderDoc[];
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
  return { _id: c.key, articleId: c.articleId, clusterId: c.clusterId, at: new Date(c.at), more: [] };
}

export function bandHolderDoc(c: BandClaim): BandHolderDoc {
  return { articleId: c.articleId, clusterId: c.clusterId, at: new Date(c.at) };
}

/** The key's holders, owner first, at most HOLDERS_PER_KEY (concurrent writers may have pushed one more). */
export function bandHolders(d: BandDoc): BandClaim[] {
  return [d, ...(d.more ?? [])].slice(0, HOLDERS_PER_KEY).map((h) => ({ key: d._id, articleId: h.articleId, clusterId: h.clusterId, at: h.at.getTime() }));
}

/** BSON would store `undefined` as null. */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
