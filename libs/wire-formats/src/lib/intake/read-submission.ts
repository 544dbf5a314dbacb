import { type CanonicalArticle, type ExpendableField, fitArticle } from '@newswire/contracts';
import { binaryKind } from '../common/binary';
import { newArticleId } from '../common/ids';
import { toCanonical } from '../common/to-canonical';
import { type ItemOutcome, ParseRejection } from '../common/types';
import { isSupportedMediaType, mediaTypeOf, SUPPORTED_MEDIA_TYPES } from '../dispatch/sniff';
import { decodeBuffer } from '../encoding/decode';
import { InvalidJsonError, parseSubmission } from './submission';

/** Why a whole document is refused before any item is read: stable codes the adapters map (HTTP status, poll state). */
export type SubmissionRefusalCode = 'missing_content_type' | 'unsupported_media_type' | 'empty_body' | 'invalid_json' | 'too_many_items';

export class SubmissionRefusal extends Error {
  override readonly name = 'SubmissionRefusal';
  constructor(
    readonly code: SubmissionRefusalCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Who a story is attributed to when the registry knows its source: never what the body claims. */
export interface Attribution {
  sourceId: string;
  /** The registry's provider name for the source, when it has one. */
  provider?: string;
  /** The source's default language, for items that do not say theirs. */
  language?: string;
}

export type SubmittedItem =
  /** `trimmed`: copies left out to fit the byte budget (the original bytes, the HTML rendition). */
  | { index: number; status: 'accepted'; article: CanonicalArticle; trimmed: ExpendableField[] }
  | { index: number; status: 'rejected'; code: string; reason: string };

export interface SubmissionOptions {
  /** A document with more items is refused whole (`too_many_items`). */
  maxItems: number;
  /** An article must fit this (the pipeline's byte budget) or it is rejected as `story_too_large`. */
  articleBytes: number;
  receivedAt: Date;
  /** Set for a source the registry knows (a signed push, a polled feed); unsigned stories keep the names in their body. */
  attribution?: Attribution;
  /** The article id of the `index`th item (default: a new UUIDv7): a drop folder re-publishing a file after a crash gives every story the id it had. */
  articleId?: (index: number) => string;
}

const code = (c: string) => c.replace(/-/g, '_');

/**
 * The one path from received bytes to canonical articles, for every way a
 * story arrives (pushed over HTTP, pulled from a feed): media type checked,
 * charset decoded once (BOM, declared, detected), the format parsed, each
 * item made canonical, attributed to its registered source and fitted to the
 * byte budget. Throws `SubmissionRefusal` when the document as a whole
 * cannot be read; an item that cannot be read is reported, the others kept.
 */
export function readSubmission(body: Buffer, contentType: string | undefined, options: SubmissionOptions): { format: string; mediaType: string; items: SubmittedItem[] } {
  const mediaType = mediaTypeOf(contentType);
  if (!mediaType) throw new SubmissionRefusal('missing_content_type', 'a Content-Type header is required', { accepted: SUPPORTED_MEDIA_TYPES });
  if (!isSupportedMediaType(mediaType) || mediaType === 'application/octet-stream') {
    throw new SubmissionRefusal('unsupported_media_type', `content type ${mediaType} is not accepted`, { accepted: SUPPORTED_MEDIA_TYPES });
  }
  // Judged on the bytes: decoded first, a short JPEG header could come out as replacement characters and pass.
  const binary = binaryKind(body);
  if (binary) return { format: 'plaintext', mediaType, items: [{ index: 0, status: 'rejected', code: 'unsupported_format', reason: `binary content (${binary}), not a text story` }] };
  const text = decodeBuffer(body, contentType).text;
  if (text.trim() === '') throw new SubmissionRefusal('empty_body', 'the request body is empty');
  let outcome;
  try {
    outcome = parseSubmission({ body: text, contentType }, { limits: { maxItems: options.maxItems } });
  } catch (err) {
    if (err instanceof InvalidJsonError) throw new SubmissionRefusal('invalid_json', err.message);
    throw err;
  }
  const [first] = outcome.items;
  if (outcome.items.length === 1 && !first.ok && first.code === 'too-many-items') {
    // Refused whole, before anything is published: no item of it is accepted.
    throw new SubmissionRefusal('too_many_items', first.reason, { format: outcome.format, ...first.details });
  }
  // The original is kept per article only when the document is that one article.
  const raw = outcome.items.length === 1 ? text : undefined;
  const items = outcome.items.map((item, index) => complete(item, index, outcome.format, mediaType, raw, options));
  return { format: outcome.format, mediaType, items };
}

function complete(item: ItemOutcome, index: number, format: string, mediaType: string, raw: string | undefined, o: SubmissionOptions): SubmittedItem {
  if (!item.ok) return { index, status: 'rejected', code: code(item.code), reason: item.reason };
  let article: CanonicalArticle;
  try {
    article = toCanonical(item.article, { id: o.articleId?.(index) ?? newArticleId(), format: format as CanonicalArticle['source']['format'], contentType: mediaType, receivedAt: o.receivedAt, raw });
    if (o.attribution) article = attribute(article, o.attribution);
  } catch (err) {
    if (err instanceof ParseRejection) return { index, status: 'rejected', code: code(err.code), reason: err.message };
    throw err;
  }
  // What is accepted must fit every later hop: refuse up front what would not.
  const fit = fitArticle(article, o.articleBytes);
  if (!fit.fits) return { index, status: 'rejected', code: 'story_too_large', reason: `the story is ${fit.bytes} bytes as an article; the limit is ${fit.limit} bytes` };
  return { index, status: 'accepted', article: fit.article, trimmed: fit.dropped };
}

/** The source id goes first in the story key, so only this source can update, correct or kill the story. */
function attribute(article: CanonicalArticle, by: Attribution): CanonicalArticle {
  return {
    ...article,
    ...(by.provider ? { provider: by.provider } : {}),
    ...(by.language && !article.language ? { language: by.language } : {}),
    source: { ...article.source, id: by.sourceId },
  };
}
