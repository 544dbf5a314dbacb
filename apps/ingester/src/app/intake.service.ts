import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { type ExpendableField, TOPICS } from '@newswire/contracts';
import { BatchingProducer, BrokerUnavailableError, classifyPublishFailure, ReceivedPublisher } from '@newswire/kafka';
import { type Attribution, readSubmission, SubmissionRefusal, type SubmissionRefusalCode } from '@newswire/wire-formats';
import { activeTraceId, type ServiceTelemetry, TELEMETRY } from '@newswire/observability';
import { INGESTER_CONFIG, type IngesterConfig, ingestLimits } from './config';
import { ApiError } from './http-errors';

export type { Attribution } from '@newswire/wire-formats';

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

/** How a document refused whole is answered. */
const REFUSAL_STATUS: Record<SubmissionRefusalCode, HttpStatus> = {
  missing_content_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  empty_body: HttpStatus.BAD_REQUEST,
  invalid_json: HttpStatus.BAD_REQUEST,
  too_many_items: HttpStatus.PAYLOAD_TOO_LARGE,
};

/** Turns a request body into canonical articles (the shared intake path) and publishes them to the raw topic. */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger('intake');
  private readonly publisher: ReceivedPublisher;

  constructor(
    @Inject(BatchingProducer) producer: BatchingProducer,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(TELEMETRY) telemetry: ServiceTelemetry,
  ) {
    this.publisher = new ReceivedPublisher(producer, telemetry, 'ingester');
  }

  /**
   * `body` is the inflated request body (Content-Encoding already undone); its charset is decoded in `readSubmission`, once.
   * `attribution` is set for signed deliveries; unsigned (development mode) stories keep the names in their body.
   */
  async ingest(body: Buffer, contentType: string | undefined, attribution?: Attribution): Promise<IntakeReport> {
    const receivedAt = new Date();
    let submission;
    try {
      submission = readSubmission(body, contentType, {
        maxItems: this.config.MAX_ITEMS_PER_DOCUMENT,
        articleBytes: ingestLimits(this.config).articleBytes,
        receivedAt,
        ...(attribution ? { attribution } : {}),
      });
    } catch (err) {
      if (err instanceof SubmissionRefusal) throw new ApiError(REFUSAL_STATUS[err.code], err.code, err.message, err.details);
      throw err;
    }
    const { format } = submission;
    const items: ItemReport[] = submission.items.map((item) =>
      item.status === 'rejected'
        ? item
        : { index: item.index, status: 'accepted', id: item.article.id, uri: item.article.uri, ...(item.trimmed.length ? { trimmed: item.trimmed } : {}) },
    );
    const ready = submission.items.filter((i) => i.status === 'accepted');
    const published = await Promise.allSettled(ready.map(({ article }) => this.publisher.publish(article, receivedAt)));
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
        { format, items },
      );
    }
    return {
      status: rejected.length ? 'partial' : 'accepted',
      format,
      topic: TOPICS.articleReceived,
      id: accepted[0].id,
      uri: accepted[0].uri,
      accepted: accepted.length,
      rejected: rejected.length,
      items,
      ...(traceId ? { traceId } : {}),
    };
  }
}
