import { type Context, context, type Link, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Counter, Gauge, Histogram } from 'prom-client';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { articleIdOf, sourceOfStoryKey, TELEMETRY_HEADERS } from '@newswire/contracts';
import { inStoryScope, ServiceMetrics, type StoryScope, Tracing } from '@newswire/observability';

/** The series of one input topic, made once: the hot path only looks them up. */
export interface InputSeries {
  consumed: Counter.Internal;
  processing: Histogram.Internal<string>;
  retriedError: Counter.Internal;
  retriedOutage: Counter.Internal;
  lag(partition: number): Gauge.Internal<string>;
  deadLettered(errorType: string): Counter.Internal;
}

interface OutputSeries {
  produced: Counter.Internal;
  latency: Histogram.Internal<string>;
}

/** One input message's span, what its log lines are about, and what its outputs carry on. */
export interface MessageTrace {
  span: Span;
  scope: StoryScope;
  /** x-ingested-at of the input, in ms; NaN when it has none. */
  ingestedAt: number;
}

function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : String(first);
}

/**
 * Metrics, spans and log scopes of a stage consumer. Label children are
 * made once per topic (and partition, error type) and reused; per message
 * there is one span, one scope object and the headers its outputs carry.
 */
export class StageTelemetry {
  readonly metrics: ServiceMetrics;
  readonly tracing: Tracing;
  private readonly inputs = new Map<string, InputSeries>();
  private readonly outputs = new Map<string, OutputSeries>();
  /** Lag series by topic and partition, so those of partitions we no longer own can be removed. */
  private readonly lags = new Map<string, Map<number, Gauge.Internal<string>>>();
  private readonly processName: string;

  constructor(
    readonly stage: string,
    options: { metrics?: ServiceMetrics; tracing?: Tracing } = {},
  ) {
    this.metrics = options.metrics ?? new ServiceMetrics(stage, { processMetrics: false });
    this.tracing = options.tracing ?? new Tracing(stage);
    this.processName = `${stage} process`;
  }

  input(topic: string): InputSeries {
    let series = this.inputs.get(topic);
    if (series) return series;
    const { metrics, stage } = this;
    const lags = new Map<number, Gauge.Internal<string>>();
    this.lags.set(topic, lags);
    const deadLetters = new Map<string, Counter.Internal>();
    series = {
      consumed: metrics.consumed.labels(stage, topic),
      processing: metrics.processing.labels(stage, topic),
      retriedError: metrics.retried.labels(stage, topic, 'error'),
      retriedOutage: metrics.retried.labels(stage, topic, 'outage'),
      lag: (partition) => {
        let child = lags.get(partition);
        if (!child) {
          child = metrics.lag.labels(stage, topic, String(partition));
          lags.set(partition, child);
        }
        return child;
      },
      deadLettered: (errorType) => {
        let child = deadLetters.get(errorType);
        if (!child) {
          child = metrics.deadLettered.labels(stage, topic, errorType);
          deadLetters.set(errorType, child);
        }
        return child;
      },
    };
    this.inputs.set(topic, series);
    return series;
  }

  /** After a rebalance: partitions now read by another member stop being reported here. */
  keepLagOf(assigned: Map<string, Set<number>>): void {
    for (const [topic, lags] of this.lags) {
      const mine = assigned.get(topic);
      for (const partition of [...lags.keys()]) {
        if (mine?.has(partition)) continue;
        this.metrics.lag.remove(this.stage, topic, String(partition));
        lags.delete(partition);
      }
    }
  }

  /** Acknowledged outputs: counted, and their age since ingest observed. */
  produced(topic: string, ingestedAt: number, now: number): void {
    let series = this.outputs.get(topic);
    if (!series) {
      series = { produced: this.metrics.produced.labels(this.stage, topic), latency: this.metrics.pipelineLatency.labels(topic) };
      this.outputs.set(topic, series);
    }
    series.produced.inc();
    if (ingestedAt > 0) series.latency.observe(Math.max(0, now - ingestedAt) / 1000);
  }

  /** A CONSUMER span child of the record's own trace context, and the scope its log lines carry. */
  startMessage(topic: string, partition: number, message: KafkaMessage, key: string | undefined): MessageTrace {
    const span = this.tracing.tracer.startSpan(this.processName, { kind: SpanKind.CONSUMER }, this.tracing.extract(message.headers));
    if (span.isRecording()) {
      span.setAttributes({
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': Number(message.offset),
      });
    }
    const ingested = headerString(message.headers, TELEMETRY_HEADERS.ingestedAt);
    return {
      span,
      scope: { service: this.stage, storyKey: key, source: sourceOfStoryKey(key), traceId: span.spanContext().traceId },
      ingestedAt: ingested === undefined ? Number.NaN : Number(ingested),
    };
  }

  /** Once decoded: the article the message is about. */
  identify(trace: MessageTrace, value: unknown): void {
    trace.scope.articleId = articleIdOf(value);
    if (trace.scope.articleId && trace.span.isRecording()) trace.span.setAttribute('newswire.article_id', trace.scope.articleId);
  }

  /** Runs `fn` inside the message's span and log scope: store spans nest under it, log lines name the story. */
  inMessage<T>(message: MessageTrace, fn: () => T): T {
    return context.with(trace.setSpan(ROOT_CONTEXT, message.span), () => inStoryScope(message.scope, fn));
  }

  /**
   * A chunk handled in one call: one message runs in its own context; more
   * run under a chunk span linked to each message's span (one call cannot
   * be the child of many traces).
   */
  inChunk<T>(messages: MessageTrace[], fn: () => Promise<T>): Promise<T> {
    if (messages.length === 1) return this.inMessage(messages[0], fn);
    const links: Link[] = messages.map((m) => ({ context: m.span.spanContext() }));
    const span = this.tracing.tracer.startSpan(`${this.stage} process chunk`, { kind: SpanKind.CONSUMER, links }, ROOT_CONTEXT);
    const ctx: Context = trace.setSpan(ROOT_CONTEXT, span);
    return context.with(ctx, () => inStoryScope({ service: this.stage, stories: messages.length, traceId: span.spanContext().traceId }, fn)).finally(() => span.end());
  }

  /** What every output of the message carries on: its ingest time and this hop's trace context. */
  carried(message: MessageTrace, input: IHeaders | undefined): Record<string, string> {
    const headers = this.tracing.headersOf(message.span);
    const ingested = headerString(input, TELEMETRY_HEADERS.ingestedAt);
    if (ingested !== undefined) headers[TELEMETRY_HEADERS.ingestedAt] = ingested;
    return headers;
  }

  endMessage(message: MessageTrace, failure?: string): void {
    if (failure && message.span.isRecording()) message.span.setStatus({ code: SpanStatusCode.ERROR, message: failure });
    message.span.end();
  }
}
