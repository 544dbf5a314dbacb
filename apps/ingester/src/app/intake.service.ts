import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { type CanonicalArticle, storyKeyOf, TOPICS } from '@newswire/contracts';
import { BatchingProducer } from '@newswire/kafka';
import {
  decodeBuffer,
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
import { INGESTER_CONFIG, type IngesterConfig } from './config';
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

/** Turns a request body into canonical articles and publishes them to the raw topic. */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
  ) {}

  /** `body` is the inflated request body (Content-Encoding already undone); its charset is decoded here, once. */
  async ingest(body: Buffer, contentType: string | undefined): Promise<IntakeReport> {
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
    // The charset (BOM, declared, detected) is settled once; the parsers get text.
    const text = decodeBuffer(body, contentType).text;
    if (text.trim() === '') {
      throw new ApiError(HttpStatus.BAD_REQUEST, 'empty_body', 'the request body is empty');
    }
    let outcome;
    try {
      outcome = parseSubmission({ body: text, contentType }, { limits: { maxItems: this.config.MAX_ITEMS_PER_DOCUMENT } });
    } catch (err) {
      if (err instanceof InvalidJsonError) throw new ApiError(HttpStatus.BAD_REQUEST, 'invalid_json', err.message);
      throw err;
    }
    const [first] = outcome.items;
    if (outcome.items.length === 1 && !first.ok && first.code === 'too-many-items') {
      // Refused whole, before anything is published: no item of it is accepted.
      throw new ApiError(HttpStatus.PAYLOAD_TOO_LARGE, 'too_many_items', first.reason, { format: outcome.format, ...first.details });
    }
    const receivedAt = new Date();
    // The original is kept per article only when the document is that one article.
    const raw = outcome.items.length === 1 ? text : undefined;
    const articles: (CanonicalArticle | ItemReport)[] = outcome.items.map((item, index) => this.complete(item, index, outcome.format, mediaType, receivedAt, raw));
    const ready = articles.filter((a): a is CanonicalArticle => 'headline' in a);
    try {
      await Promise.all(ready.map((a) => this.producer.publish({ topic: TOPICS.articleReceived, key: storyKeyOf(a), value: a })));
    } catch (err) {
      // Nothing is acknowledged to the sender unless Kafka acknowledged it: tell them to retry.
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'broker_unavailable', `the articles could not be published: ${(err as Error).message}`);
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

  private complete(item: ItemOutcome, index: number, format: string, mediaType: string, receivedAt: Date, raw?: string): CanonicalArticle | ItemReport {
    if (!item.ok) return { index, status: 'rejected', code: code(item.code), reason: item.reason };
    try {
      return toCanonical(item.article, { id: newArticleId(), format: format as CanonicalArticle['source']['format'], contentType: mediaType, receivedAt, raw });
    } catch (err) {
      if (err instanceof ParseRejection) return { index, status: 'rejected', code: code(err.code), reason: err.message };
      throw err;
    }
  }
}
