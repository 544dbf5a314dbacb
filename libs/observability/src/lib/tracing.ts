import { hostname } from 'node:os';
import { type Context, context, ROOT_CONTEXT, type Span, type TextMapGetter, type TextMapSetter, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { AlwaysOffSampler, AlwaysOnSampler, BasicTracerProvider, BatchSpanProcessor, ParentBasedSampler, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Header values as kafkajs and node:http hand them over. */
export type HeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type HeaderCarrier = Record<string, HeaderValue>;

const getter: TextMapGetter<HeaderCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(String);
    return typeof value === 'string' ? value : value.toString('utf8');
  },
};

const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** W3C trace context (`traceparent`, `tracestate`): the one format on every hop, HTTP and Kafka. */
const propagator = new W3CTraceContextPropagator();

let contextManagerInstalled = false;

/**
 * Spans follow async work through AsyncLocalStorage. One context manager per
 * process, whatever number of services it runs.
 */
export function installContextManager(): void {
  if (contextManagerInstalled) return;
  contextManagerInstalled = context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
}

export interface TracingOptions {
  /** Where spans go (OTLP/HTTP, JSON). Nothing is exported without it. */
  exportUrl?: string;
  /** Longest wait before a batch of spans is sent. */
  exportDelayMs?: number;
  /** Extra processors (tests). */
  processors?: SpanProcessor[];
}

/**
 * A service's tracer. Spans are always created, so trace ids travel from the
 * ingest request through every Kafka hop even when nothing is exported.
 *
 * Sampling: exporting, every trace is recorded (always on: the ingester is
 * the edge, and a sender's `traceparent` flag must not decide what we keep;
 * news volumes make full tracing affordable). Not exporting, parent-based
 * with nothing recorded at the root: spans cost an id and no more, and a
 * caller's sampled flag still travels on to services that do export.
 */
export class Tracing {
  readonly tracer: Tracer;
  readonly exporting: boolean;
  private readonly provider: BasicTracerProvider;

  constructor(
    readonly service: string,
    options: TracingOptions = {},
  ) {
    installContextManager();
    const processors: SpanProcessor[] = [...(options.processors ?? [])];
    if (options.exportUrl) {
      processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url: options.exportUrl }), { scheduledDelayMillis: options.exportDelayMs ?? 2_000 }));
    }
    this.exporting = processors.length > 0;
    this.provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': service,
        'service.namespace': 'newswire',
        'service.instance.id': `${hostname()}:${process.pid}`,
      }),
      sampler: this.exporting ? new AlwaysOnSampler() : new ParentBasedSampler({ root: new AlwaysOffSampler() }),
      spanProcessors: processors,
    });
    this.tracer = this.provider.getTracer(`newswire-${service}`);
  }

  /** The trace context a record or request carries (the root context when it carries none or a malformed one). */
  extract(headers: HeaderCarrier | undefined): Context {
    return headers ? propagator.extract(ROOT_CONTEXT, headers, getter) : ROOT_CONTEXT;
  }

  /** `traceparent` (and `tracestate`) naming `span`, for the records or responses it produced. */
  headersOf(span: Span, into: Record<string, string> = {}): Record<string, string> {
    propagator.inject(trace.setSpan(ROOT_CONTEXT, span), into, setter);
    return into;
  }

  /** Sends what is buffered; called on shutdown. */
  async shutdown(): Promise<void> {
    await this.provider.shutdown().catch(() => undefined);
  }

  async flush(): Promise<void> {
    await this.provider.forceFlush().catch(() => undefined);
  }
}

/** The trace id of the active span, if any: for logs and answers. */
export function activeTraceId(): string | undefined {
  const span = trace.getSpan(context.active());
  return span?.spanContext().traceId;
}
