import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { type CanonicalArticle, storyKeyOf, TOPICS } from '@newswire/contracts';
import { BatchingProducer } from '@newswire/kafka';
import {
  InvalidJsonError,
  isSupportedMediaType,
  type ItemOutcome,
  mediaTypeOf,
  newArticleId,
  ParseRejection,
  parseSubmission,
  SUPPORTED_MEDIA_TYPES,
  toCanonical,
} from '@newswire/wire-formats';
import { ApiError } from './http-errors';

export type ItemReport =
  | { index: number; status: 'accepted'; id: string; uri: string }
  | { index: number; status: 'rejected'; code: string; reason: string };

export interface IntakeReport {
  status: 'accepted' | 'partial';
  format: string;
  topic: string;
  /** The first accepted article, for the common one-story request. */
  id: string;
  uri: string;
  accepted: number;
  rejected: number;
  items: ItemReport[];
}

const code = (c: string) => c.replace(/-/g, '_');

/** Who a story is attributed to when its delivery was signed: never what the body claims. */
export interface Attribution {
  sourceId: string;
  /** The registry's provider name for the source, when it has one. */
  provider?: string;
}

/** Turns a request body into canonical articles and publishes them to the raw topic. */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('intake');

  constructor(@Inject(BatchingProducer) private readonly producer: BatchingProducer) {}

  /** `attribution` is set for signed deliveries; unsigned (development mode) stories keep the names in their body. */
  async ingest(body: Buffer, contentType: string | undefined, attribution?: Attribution): Promise<IntakeReport> {
    const mediaType = mediaTypeOf(contentType);
    if (!mediaType) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'missing_content_type', 'a Content-Type header is required', {
        accepted: SUPPORTED_MEDIA_TYPES,
      });
    }
    if (!isSupportedMediaType(mediaType) || mediaType === 'application/octet-stream') {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', `content type ${mediaType} is not accepted`, {
        accepted: SUPPORTED_MEDIA_TYPES,
      });
    }
    if (body.length === 0 || body.toString('utf8').trim() === '') {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'empty_body', 'the request body is empty');
    }
    let outcome;
    try {
      outcome = parseSubmission({ body, contentType });
    } catch (err) {
      if (err instanceof InvalidJsonError) throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_json', err.message);
      throw err;
    }
    const receivedAt = new Date();
    // The original is kept per article only when the document is that one article.
    const raw = outcome.items.length === 1 ? body.toString('utf8') : undefined;
    const articles: (CanonicalArticle | ItemReport)[] = outcome.items.map((item, index) => this.complete(item, index, outcome.format, mediaType, receivedAt, raw, attribution));
    const ready = articles.filter((a): a is CanonicalArticle => 'headline' in a);
    try {
      await Promise.all(ready.map((a) => this.producer.publish({ topic: TOPICS.articleReceived, key: storyKeyOf(a), value: a })));
    } catch (err) {
      // Nothing is acknowledged to the sender unless Kafka acknowledged it: tell them to retry.
      // The broker's error names internal addresses: it goes to the log, not to the sender.
      this.logger.error(`publishing ${ready.length} article(s) failed: ${(err as Error).message}`);
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'broker_unavailable', 'the articles could not be published; nothing was accepted; retry later');
    }

    const items: ItemReport[] = articles.map((a, index) => ('headline' in a ? { index, status: 'accepted', id: a.id, uri: a.uri } : a));
    const rejected = items.filter((i) => i.status === 'rejected');
    if (ready.length === 0) {
      const [first] = rejected as Extract<ItemReport, { status: 'rejected' }>[];
      const single = items.length === 1;
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        single ? first.code : 'no_items_accepted',
        single ? first.reason : `none of the ${items.length} items could be accepted`,
        { format: outcome.format, items },
      );
    }
    return {
      status: rejected.length ? 'partial' : 'accepted',
      format: outcome.format,
      topic: TOPICS.articleReceived,
      id: ready[0].id,
      uri: ready[0].uri,
      accepted: ready.length,
      rejected: rejected.length,
      items,
    };
  }

  private complete(
    item: ItemOutcome,
    index: number,
    format: string,
    mediaType: string,
    receivedAt: Date,
    raw: string | undefined,
    attribution: Attribution | undefined,
  ): CanonicalArticle | ItemReport {
    if (!item.ok) return { index, status: 'rejected', code: code(item.code), reason: item.reason };
    try {
      const article = toCanonical(item.article, { id: newArticleId(), format: format as CanonicalArticle['source']['format'], contentType: mediaType, receivedAt, raw });
      return attribution ? attribute(article, attribution) : article;
    } catch (err) {
      if (err instanceof ParseRejection) return { index, status: 'rejected', code: code(err.code), reason: err.message };
      throw err;
    }
  }
}

/** The source id goes first in the story key, so only this source can update, correct or kill the story. */
function attribute(article: CanonicalArticle, by: Attribution): CanonicalArticle {
  return { ...article, ...(by.provider ? { provider: by.provider } : {}), source: { ...article.source, id: by.sourceId } };
}
