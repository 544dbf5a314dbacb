import type { CanonicalArticle } from '@newswire/contracts';
import { describeVersion, itemIdentityOf, storyKeyOf, versionRankOf } from '@newswire/contracts';
import { createHash } from 'node:crypto';
import { type ArticleFingerprint, fingerprintOf } from './fingerprint';
import type { Candidate, NearSelf } from './near';
import { contentHash, normaliseText } from './normalise';
import type { DedupOptions } from './options';
import { sourceOf } from './source-rules';
import type { StoryVersion } from './store-port';
import type { VerdictContext } from './verdict';

/** An article with everything the decision computes from it alone (the CPU part, done before any store call). */
export interface ChunkArticle {
  id: string;
  storyKey: string;
  source: string;
  uri: string;
  version: StoryVersion;
  /** How the verdicts name this version ("version 3"). */
  described: string;
  ctx: VerdictContext;
  fingerprint: ArticleFingerprint;
  /** The claim key of the provider's item across formats (see itemIdentityOf), when the item has one. */
  itemKey?: string;
}

export function prepareArticle(article: CanonicalArticle, o: DedupOptions, now: Date): ChunkArticle {
  const storyKey = storyKeyOf(article);
  const identity = itemIdentityOf(article);
  // Normalised once for both the content hash and the fingerprint (it was a sixth of this stage's CPU).
  const body = normaliseText(article.bodyText);
  return {
    ...(identity ? { itemKey: `item:${createHash('sha256').update(identity).digest('hex')}` } : {}),
    id: article.id,
    storyKey,
    source: sourceOf(article),
    uri: article.uri,
    version: clean({ articleId: article.id, rank: versionRankOf(article), version: article.version, versionCreated: article.versionCreated, pubStatus: article.pubStatus, at: now }),
    described: describeVersion(article),
    ctx: { articleId: article.id, contentHash: contentHash(article.headline, article.bodyText, body), storyKey, now },
    fingerprint: fingerprintOf(article.bodyText, o, body),
  };
}

export function nearSelf(a: ChunkArticle): NearSelf {
  return { articleId: a.id, source: a.source, uri: a.uri, fingerprint: a.fingerprint, bandKeys: a.fingerprint.bandKeys, at: a.version.at.getTime() };
}

export function candidateOf(a: ChunkArticle): Candidate {
  return nearSelf(a);
}

/** Stores keep no `undefined` fields (BSON would write null). */
function clean(v: StoryVersion): StoryVersion {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as unknown as StoryVersion;
}
