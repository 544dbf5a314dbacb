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
