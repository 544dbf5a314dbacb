import type { CanonicalArticle } from './article.schema';

/**
 * One byte budget for the whole pipeline, derived from one setting: the
 * largest record a topic takes (`KAFKA_MESSAGE_MAX_BYTES`, the broker's
 * own default of 1 MiB unless raised). An article travels through every
 * stage, each adding to it (enrichment, then a verdict), so what the
 * ingester accepts must leave room for that growth: then whatever is
 * accepted fits every hop, and nothing is refused by the broker mid-pipeline.
 */
export interface ByteBudget {
  /** Largest record on a pipeline topic (`max.message.bytes` of the topics the services create). */
  messageBytes: number;
  /** Largest received article: the message minus room for what the stages add. */
  articleBytes: number;
  /** Largest dead letter: the failed record plus its `x-dlq-*` headers. */
  deadLetterBytes: number;
  /** Default HTTP body limit: a feed carries many articles, each within `articleBytes`. */
  httpBodyBytes: number;
}

/**
 * Room for what stages add to an article: enrichment (bounded by
 * ENRICHMENT_MAX_BYTES in the enrichment lib), the dedup verdict and the
 * message envelope.
 */
export const STAGE_GROWTH_RESERVE_BYTES = 256 * 1024;
/** Dead-letter headers: the reason is cut to 4,000 characters, the rest are short. */
export const DEAD_LETTER_HEADROOM_BYTES = 64 * 1024;
/** A feed or news message may carry several articles per request. */
const HTTP_BODY_FACTOR = 4;
export const MIN_MESSAGE_BYTES = 2 * STAGE_GROWTH_RESERVE_BYTES;

export function byteBudget(messageBytes: number): ByteBudget {
  if (messageBytes < MIN_MESSAGE_BYTES) throw new RangeError(`the message limit must be at least ${MIN_MESSAGE_BYTES} bytes`);
  return {
    messageBytes,
    articleBytes: messageBytes - STAGE_GROWTH_RESERVE_BYTES,
    deadLetterBytes: messageBytes + DEAD_LETTER_HEADROOM_BYTES,
    httpBodyBytes: messageBytes * HTTP_BODY_FACTOR,
  };
}

/** Optional copies an article can travel without, most expendable first. */
const EXPENDABLE = ['raw', 'bodyHtml'] as const;
export type ExpendableField = (typeof EXPENDABLE)[number];

export type BudgetFit =
  | { fits: true; article: CanonicalArticle; dropped: ExpendableField[]; bytes: number }
  | { fits: false; bytes: number; limit: number };

export function encodedBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Fits an article into the budget: the original bytes (`raw`) go first, then
 * the HTML rendition (the text carries the same words), so a large body
 * travels once, not two or three times. If the text alone is too large,
 * the article does not fit and must be refused up front.
 */
export function fitArticle(article: CanonicalArticle, articleBytes: number): BudgetFit {
  let current = article;
  let bytes = encodedBytes(current);
  const dropped: ExpendableField[] = [];
  for (const field of EXPENDABLE) {
    if (bytes <= articleBytes) break;
    if (current[field] === undefined) continue;
    const { [field]: _gone, ...rest } = current;
    current = rest as CanonicalArticle;
    dropped.push(field);
    bytes = encodedBytes(current);
  }
  return bytes <= articleBytes ? { fits: true, article: current, dropped, bytes } : { fits: false, bytes, limit: articleBytes };
}
