import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Counter, Histogram } from 'prom-client';
import type { ServiceMetrics } from './metrics';
import type { Tracing } from './tracing';

interface HttpRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  baseUrl?: string;
  route?: { path?: unknown };
}

interface HttpResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  once(event: 'close', listener: () => void): unknown;
}

/** Routes nothing matched (Nest's not-found handler, probes of random paths): one series, not one per path. */
export const UNMATCHED_ROUTE = 'unmatched';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The route template (`/v1/articles/:id`) Express matched, never the path itself (unbounded series). */
export function routeOf(req: HttpRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}

/**
 * Express middleware for every request: a SERVER span continuing the
 * caller's `traceparent` (answered with our span's own `traceparent`, so the
 * caller can find the trace), and `newswire_http_requests_total` /
 * `newswire_http_request_duration_seconds` by route template, method and
 * status once the response is done. Installed before the routes.
 */
export function httpTelemetry({ metrics, tracing }: { metrics: ServiceMetrics; tracing: Tracing }) {
  const children = new Map<string, { count: Counter.Internal; duration: Histogram.Internal<string> }>();
  const seriesOf = (route: string, method: string, status: string) => {
    const key = `${method} ${status} ${route}`;
    let series = children.get(key);
    if (!series) {
      series = { count: metrics.httpRequests.labels(route, method, status), duration: metrics.httpDuration.labels(route, method, status) };
      children.set(key, series);
    }
    return series;
  };
  return (req: HttpRequest, res: HttpResponse, next: () => void): void => {
    const started = performance.now();
    const method = METHODS.has(req.method) ? req.method : 'OTHER';
    const parent = tracing.extract(req.headers);
    const span = tracing.tracer.startSpan(method, { kind: SpanKind.SERVER }, parent);
    const { traceparent } = tracing.headersOf(span);
    if (traceparent) res.setHeader('traceparent', traceparent);
    res.once('close', () => {
      const route = routeOf(req);
      const status = res.statusCode;
      const series = seriesOf(route, method, String(status));
      series.count.inc();
      series.duration.observe((performance.now() - started) / 1000);
      if (span.isRecording()) {
        span.updateName(`${method} ${route}`);
        span.setAttributes({ 'http.request.method': method, 'http.route': route, 'http.response.status_code': status });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
