import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleDeduplicated, ArticleEnriched, CanonicalArticle } from '@newswire/contracts';
import { contentHash, exactVerdict } from '@newswire/dedup';
import { enrich } from '@newswire/enrichment';
import { newArticleId, parsePlainText, toCanonical } from '@newswire/wire-formats';

export const REFERENCE_SAMPLE_PATH = join(__dirname, '../../../wire-formats/src/fixtures/daily-impact-european-2024-11-24.txt');

export function referenceSample(): string {
  return readFileSync(REFERENCE_SAMPLE_PATH, 'utf8');
}

/** Messages as the real upstream stages would produce them, built with the real stage functions. */
export function receivedArticle(text = referenceSample(), id = newArticleId()): CanonicalArticle {
  return toCanonical(parsePlainText(text), { id, format: 'plaintext', contentType: 'text/plain', receivedAt: new Date() });
}

export function enrichedArticle(article = receivedArticle()): ArticleEnriched {
  return { article, enrichment: enrich(article) };
}

export function deduplicatedArticle(enriched = enrichedArticle(), claimedBy = enriched.article.id): ArticleDeduplicated {
  const hash = contentHash(enriched.article.headline, enriched.article.bodyText);
  return { ...enriched, dedup: exactVerdict(enriched.article.id, hash, { claimedBy }) };
}

export function storyText(headline: string, body: string): string {
  return `${headline}\n\n${body}`;
}

export interface StoryVersionOptions {
  uri: string;
  provider?: string;
  version?: number;
  versionCreated?: string;
  pubStatus?: CanonicalArticle['pubStatus'];
  headline?: string;
  body?: string;
  clusterId?: string;
  id?: string;
}

/**
 * One version of a story from a source with its own ids, as the deduplicator
 * passes it on: versions share uri and provider (hence story key), each has
 * its own article id.
 */
export function storyVersion(o: StoryVersionOptions): ArticleDeduplicated {
  const headline = o.headline ?? `Story ${o.uri} version ${o.version ?? 0}`;
  const body = o.body ?? `Body of ${o.uri} as of version ${o.version ?? 0}. `.repeat(4);
  const base = receivedArticle(storyText(headline, body), o.id ?? newArticleId());
  const article: CanonicalArticle = {
    ...base,
    uri: o.uri,
    provider: o.provider ?? 'Test Wire',
    version: o.version,
    versionCreated: o.versionCreated,
    pubStatus: o.pubStatus ?? 'usable',
  };
  const enriched = enrichedArticle(article);
  const hash = contentHash(article.headline, article.bodyText);
  const clusterId = o.clusterId ?? article.id;
  return {
    ...enriched,
    dedup: {
      status: clusterId === article.id ? 'original' : 'new-version',
      method: clusterId === article.id ? 'none' : 'identity',
      contentHash: hash,
      clusterId,
      decidedAt: new Date().toISOString(),
    },
  };
}

/**
 * A canonical article built directly, without parsing or enrichment: for
 * stages and tools that read only its identity and text (the deduplicator),
 * where thousands are needed fast. `id`, `uri` and `bodyText` are the caller's.
 */
export function bareArticle(fields: Pick<CanonicalArticle, 'id' | 'uri' | 'bodyText'> & Partial<CanonicalArticle>): CanonicalArticle {
  return {
    pubStatus: 'usable',
    signals: [],
    headline: 'Headline',
    subjects: [],
    keywords: [],
    people: [],
    organisations: [],
    places: [],
    links: [],
    renditions: [],
    source: { format: 'json', channel: 'http', receivedAt: new Date().toISOString() },
    ...fields,
  };
}
