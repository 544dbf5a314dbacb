import type { CanonicalArticle, DedupVerdict, Enrichment } from '@newswire/contracts';

/**
 * A stored story as the serializers take it: the canonical article (its body
 * optional, since a killed story, or a withheld one the reader may not see,
 * is served without it), what enrichment found, and the deduplicator's verdict.
 */
export interface ExportStory {
  article: Omit<CanonicalArticle, 'bodyText' | 'bodyHtml' | 'raw'> & { bodyText?: string; bodyHtml?: string };
  enrichment?: Enrichment;
  dedup?: Partial<Pick<DedupVerdict, 'clusterId' | 'storyKey' | 'status' | 'duplicateOf'>>;
}

/** The media types the formats are served as (IANA-registered for NewsML-G2; ninjs' own for ninjs). */
export const NINJS_MEDIA_TYPE = 'application/ninjs+json';
export const NEWSML_G2_MEDIA_TYPE = 'application/vnd.iptc.g2.newsitem+xml';
