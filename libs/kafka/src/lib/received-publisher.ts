import { Logger } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { type CanonicalArticle, sourceOfStoryKey, storyKeyOf, TELEMETRY_HEADERS, TOPICS } from '@newswire/contracts';
import { inStoryScope, type ServiceTelemetry, SourceMetrics, UNKNOWN_SOURCE } from '@newswire/observability';
import type { BatchingProducer } from './batching-producer';

/**
 * Publishes accepted articles to the received topic, the way every intake
 * (the ingester's HTTP, the poller's feeds) does: keyed by story, stamped
 * with the ingest time and the trace context of a PRODUCER span (a child of
 * the active one), which every stage carries on; counted per source; its log
 * lines name the story.
 */
export class ReceivedPublisher {
  private readonly logger = new Logger('intake');
  private readonly sources: SourceMetrics;

  constructor(
    private readonly producer: BatchingProducer,
    private readonly telemetry: ServiceTelemetry,
    private readonly service: string,
  ) {
    this.sources = new SourceMetrics(telemetry.metrics);
  }

  async publish(article: CanonicalArticle, receivedAt: Date): Promise<void> {
    const key = storyKeyOf(article);
    // The source the story key names (the registered source, else the provider the body names), as the stages read it.
    const source = sourceOfStoryKey(key);
    const { tracer } = this.telemetry.tracing;
    const span = tracer.startSpan(`publish ${TOPICS.articleReceived}`, { kind: SpanKind.PRODUCER }, context.active());
    if (span.isRecording()) span.setAttributes({ 'messaging.system': 'kafka', 'messaging.destination.name': TOPICS.articleReceived, 'newswire.article_id': article.id });
    const headers = this.telemetry.tracing.headersOf(span, { [TELEMETRY_HEADERS.ingestedAt]: String(receivedAt.getTime()) });
    const scope = { service: this.service, articleId: article.id, storyKey: key, source, traceId: span.spanContext().traceId };
    try {
      await context.with(trace.setSpan(context.active(), span), () => this.producer.publish({ topic: TOPICS.articleReceived, key, value: article, headers }));
      this.sources.accepted(source ?? UNKNOWN_SOURCE);
      inStoryScope(scope, () => this.logger.debug(`accepted (${article.source.format}, ${article.bodyText?.length ?? 0} characters)`));
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.name });
      // One summary line per request or poll says why (its caller); per story only at debug.
      inStoryScope(scope, () => this.logger.debug(`not accepted: ${(err as Error)?.message}`));
      throw err;
    } finally {
      span.end();
    }
  }
}
