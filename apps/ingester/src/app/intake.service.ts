import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type CanonicalArticle, type ExpendableField, fitArticle, sourceOfStoryKey, storyKeyOf, TELEMETRY_HEADERS, TOPICS } from '@newswire/contracts';
import { BatchingProducer, BrokerUnavailableError, classifyPublishFailure } from '@newswire/kafka';
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
import { activeTraceId, inStoryScope, type ServiceTelemetry, SourceMetrics, TELEMETRY, UNKNOWN_SOURCE } from '@newswire/observability';
import { INGESTER_CONFIG, type IngesterConfig, ingestLimits } from './config';
import { ApiError } from './http-errors';

export type ItemReport =
  /** `trimmed`: copies left out to fit the byte budget (the original bytes, the HTML rendition). */
  | { index: number; status: 'accepted'; id: string; uri: string; trimmed?: ExpendableField[] }
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
  /** The request's trace id: every record of this submission carries it in `traceparent`. */
  traceId?: string;
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
  private readonly sources: SourceMetrics;

  constructor(
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(TELEMETRY) private readonly telemetry: ServiceTelemetry,
  ) {
    this.sources = new SourceMetrics(telemetry.metrics);
  }

  /**
   * `body` is the inflated request body (Content-Encoding already undone); its charset is decoded here, once.
   * `attribution` is set for signed deliveries; unsigned (development mode) stories keep the names in their body.
   */
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
    const items: ItemReport[] = [];
    const ready: { index: number; article: CanonicalArticle }[] = [];
    outcome.items.forEach((item, index) => {
      const built = this.complete(item, index, outcome.format, mediaType, receivedAt, raw, attribution);
      if ('status' in built) items[index] = built;
      else {
        ready.push({ index, article: built.article });
        items[index] = { index, status: 'accepted', id: built.article.id, uri: built.article.uri, ...(built.trimmed.length ? { trimmed: built.trimmed } : {}) };
      }
    });
    const published = await Promise.allSettled(ready.map(({ article }) => this.publish(article, receivedAt)));
    if (published.some((p) => p.status === 'rejected' && p.reason instanceof BrokerUnavailableError)) {
      // Nothing is acknowledged to the sender unless Kafka acknowledged it: tell them to retry.
      // The reason stays in the log: broker addresses are not the sender's business.
      const cause = published.find((p): p is PromiseRejectedResult => p.status === 'rejected')?.reason;
      this.logger.warn(`publish not acknowledged: ${(cause as Error).message}`);
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'broker_unavailable', 'the articles could not be handed to the pipeline in time; nothing was accepted; retry later', undefined, { 'Retry-After': '5' });
    }
    published.forEach((p, i) => {
      if (p.status === 'fulfilled') return;
      const { index } = ready[i];
      items[index] = { index, status: 'rejected', code: 'story_too_large', reason: classifyPublishFailure(p.reason).reason };
    });
    const accepted = items.filter((i): i is Extract<ItemReport, { status: 'accepted' }> => i.status === 'accepted');
    const traceId = activeTraceId();
    const rejected = items.filter((i) => i.status === 'rejected');
    if (accepted.length === 0) {
      const [first] = rejected as Extract<ItemReport, { status: 'rejected' }>[];
      const single = items.length === 1;
      throw new ApiError(
        single && first.code === 'story_too_large' ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY,
        single ? first.code : 'no_items_accepted',
        single ? first.reason : `none of the ${items.length} items could be accepted`,
        { format: outcome.format, items },
      );
    }
    return {
      status: rejected.length ? 'partial' : 'accepted',
      format: outcome.format,
      topic: TOPICS.articleReceived,
      id: accepted[0].id,
      uri: accepted[0].uri,
      accepted: accepted.length,
      rejected: rejected.length,
      items,
      ...(traceId ? { traceId } : {}),
    };
  }

  /**
   * One record per article, stamped with the ingest time and the trace
   * context of its own PRODUCER span (a child of the request's), which every
   * stage carries on; its log lines name the story.
   */
  private async publish(article: CanonicalArticle, receivedAt: Date): Promise<void> {
    const key = storyKeyOf(article);
    // The source the story key names (the signing source, else the provider the body names), as the stages read it.
    const source = sourceOfStoryKey(key);
    const { tracer } = this.telemetry.tracing;
    const span = tracer.startSpan(`publish ${TOPICS.articleReceived}`, { kind: SpanKind.PRODUCER }, context.active());
    if (span.isRecording()) span.setAttributes({ 'messaging.system': 'kafka', 'messaging.destination.name': TOPICS.articleReceived, 'newswire.article_id': article.id });
    const headers = this.telemetry.tracing.headersOf(span, { [TELEMETRY_HEADERS.ingestedAt]: String(receivedAt.getTime()) });
    const scope = { service: 'ingester', articleId: article.id, storyKey: key, source, traceId: span.spanContext().traceId };
    try {
      await context.with(trace.setSpan(context.active(), span), () => this.producer.publish({ topic: TOPICS.articleReceived, key, value: article, headers }));
      this.sources.accepted(source ?? UNKNOWN_SOURCE);
      inStoryScope(scope, () => this.logger.debug(`accepted (${article.source.format}, ${article.bodyText?.length ?? 0} characters)`));
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name });
      // One summary line per request says why (intake above); per story only at debug.
      inStoryScope(scope, () => this.logger.debug(`not accepted: ${(err as Error)?.message}`));
      throw err;
    } finally {
      span.end();
    }
  }

  private complete(
    item: ItemOutcome,
    index: number,
    format: string,
    mediaType: string,
    receivedAt: Date,
    raw: string | undefined,
    attribution: Attribution | undefined,
  ): { article: CanonicalArticle; trimmed: ExpendableField[] } | ItemReport {
    if (!item.ok) return { index, status: 'rejected', code: code(item.code), reason: item.reason };
    let article: CanonicalArticle;
    try {
      article = toCanonical(item.article, { id: newArticleId(), format: format as CanonicalArticle['source']['format'], contentType: mediaType, receivedAt, raw });
      if (attribution) article = attribute(article, attribution);
    } catch (err) {
      if (err instanceof ParseRejection) return { index, status: 'rejected', code: code(err.code), reason: err.message };
      throw err;
    }
    // What is accepted must fit every later hop: refuse up front what would not.
    const fit = fitArticle(article, ingestLimits(this.config).articleBytes);
    if (!fit.fits) {
      return { index, status: 'rejected', code: 'story_too_large', reason: `the story is ${fit.bytes} bytes as an article; the limit is ${fit.limit} bytes` };
    }
    return { article: fit.article, trimmed: fit.dropped };
  }
}

/** The source id goes first in the story key, so only this source can update, correct or kill the story. */
function attribute(article: CanonicalArticle, by: Attribution): CanonicalArticle {
  return { ...article, ...(by.provider ? { provider: by.provider } : {}), source: { ...article.source, id: by.sourceId } };
}
