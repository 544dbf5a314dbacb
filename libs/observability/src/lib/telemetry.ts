import type { LogLevel } from '@nestjs/common';
import { z } from 'zod';
import { envInt } from '@newswire/config';
import { envLogFormat, installLogger, ServiceLogger } from './logger';
import { ServiceMetrics } from './metrics';
import { Tracing } from './tracing';

/** What every service reads to decide where its logs and traces go. */
export const TelemetryEnv = z.object({
  LOG_FORMAT: envLogFormat,
  /** OTLP/HTTP base URL (`/v1/traces` is appended); setting it turns trace export on. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  /** The full traces URL, when it is not `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  /** `otlp` exports (to http://localhost:4318 unless an endpoint is set); `none` never does. */
  OTEL_TRACES_EXPORTER: z.enum(['otlp', 'none']).optional(),
  /** Longest wait before buffered spans are sent (ms). */
  OTEL_BSP_SCHEDULE_DELAY: envInt(2_000, 1, 60_000),
});
export type TelemetryConfig = z.infer<typeof TelemetryEnv>;

/** Where spans are sent, or undefined when tracing stays in-process. */
export function traceExportUrl(config: TelemetryConfig): string | undefined {
  if (config.OTEL_TRACES_EXPORTER === 'none') return undefined;
  if (config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT) return `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return config.OTEL_TRACES_EXPORTER === 'otlp' ? 'http://localhost:4318/v1/traces' : undefined;
}

/** A service's metrics registry, tracer and logger, made once at start-up and handed to what needs them. */
export interface ServiceTelemetry {
  service: string;
  metrics: ServiceMetrics;
  tracing: Tracing;
  logger: ServiceLogger;
}

export function createTelemetry(service: string, config: TelemetryConfig & { LOG_LEVEL: LogLevel }): ServiceTelemetry {
  const logger = installLogger(new ServiceLogger(service, { level: config.LOG_LEVEL, format: config.LOG_FORMAT }));
  return {
    service,
    metrics: new ServiceMetrics(service),
    tracing: new Tracing(service, { exportUrl: traceExportUrl(config), exportDelayMs: config.OTEL_BSP_SCHEDULE_DELAY }),
    logger,
  };
}

/** Injection token of the service's ServiceTelemetry. */
export const TELEMETRY = Symbol('TELEMETRY');
