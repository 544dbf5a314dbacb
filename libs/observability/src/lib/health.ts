import { Controller, type DynamicModule, Get, Inject, Module, type OnApplicationShutdown, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult, TerminusModule } from '@nestjs/terminus';
import type { Response } from 'express';
import { withDeadline } from '@newswire/errors';
import type { ServiceMetrics } from './metrics';
import type { Tracing } from './tracing';

/** A named readiness condition: cached state (probes) or a fresh ping. A throw or a timeout counts as down. */
export type ReadinessCheck = () => boolean | Promise<boolean>;

const CHECK_TIMEOUT_MS = 2_500;

/**
 * The readiness conditions of one service (broker, store, consumer,
 * publishing...), evaluated together for `/health/ready` and for the
 * `newswire_ready` gauge, so the probe and the metric never disagree.
 * Checks may be added after start-up, once what they read exists.
 */
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();

  constructor(metrics?: ServiceMetrics) {
    metrics?.readyGauge(async (gauge) => {
      for (const [check, up] of await this.evaluate()) gauge.set({ check }, up ? 1 : 0);
    });
  }

  add(name: string, check: ReadinessCheck): this {
    this.checks.set(name, check);
    return this;
  }

  get names(): string[] {
    return [...this.checks.keys()];
  }

  async evaluate(): Promise<Map<string, boolean>> {
    const entries = await Promise.all([...this.checks].map(async ([name, check]) => [name, await settle(check)] as const));
    return new Map(entries);
  }
}

async function settle(check: ReadinessCheck): Promise<boolean> {
  try {
    return await withDeadline(Promise.resolve().then(check), CHECK_TIMEOUT_MS, 'readiness check');
  } catch {
    return false;
  }
}

/**
 * Terminus' body for a set of results: `status` ok or error, and each check
 * under `info` (up) or `error` (down), repeated in `details`. Names only:
 * an open probe never shows an address or an error text.
 */
export function terminusBody(results: Map<string, boolean>): HealthCheckResult {
  const info: Record<string, { status: 'up' }> = {};
  const error: Record<string, { status: 'down' }> = {};
  const details: Record<string, { status: 'up' | 'down' }> = {};
  for (const [name, up] of results) {
    if (up) info[name] = { status: 'up' };
    else error[name] = { status: 'down' };
    details[name] = { status: up ? 'up' : 'down' };
  }
  return { status: Object.keys(error).length ? 'error' : 'ok', info, error, details };
}

/** What `/metrics` serves: a service's registry, or the aggregate of a cluster's workers. */
export interface MetricsSource {
  render(): Promise<{ contentType: string; body: string }>;
}

export const READINESS = Symbol('READINESS');
export const SERVICE_METRICS = Symbol('SERVICE_METRICS');
const SHUTDOWN_TRACING = Symbol('SHUTDOWN_TRACING');

/**
 * `GET /health/live` (the process answers), `GET /health/ready` (every
 * readiness check passes; 503 otherwise) and `GET /metrics` (Prometheus
 * text), on the service's HTTP port. `decorators` lets a service mark them
 * as it marks open routes (the API's `@Open()`).
 */
function healthController(decorators: ClassDecorator[]) {
  @Controller()
  class HealthController {
    constructor(
      @Inject(HealthCheckService) private readonly health: HealthCheckService,
      @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
      @Inject(READINESS) private readonly readiness: Readiness,
      @Inject(SERVICE_METRICS) private readonly metrics: MetricsSource,
    ) {}

    @Get('health/live')
    live(): Promise<HealthCheckResult> {
      return this.health.check([]);
    }

    @Get('health/ready')
    async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult | object> {
      const results = await this.readiness.evaluate();
      try {
        return await this.health.check(
          [...results].map(([name, up]) => () => {
            const indicator = this.indicators.check(name);
            return up ? indicator.up() : indicator.down();
          }),
        );
      } catch (err) {
        // Terminus answers 503 by throwing; the body is its result, not an error envelope.
        if (!(err instanceof ServiceUnavailableException)) throw err;
        res.status(503);
        return err.getResponse() as object;
      }
    }

    @Get('metrics')
    async scrape(@Res() res: Response): Promise<void> {
      const { contentType, body } = await this.metrics.render();
      res.setHeader('content-type', contentType);
      res.send(body);
    }
  }
  for (const decorate of decorators) decorate(HealthController);
  return HealthController;
}

/** Liveness, readiness (terminus) and metrics for a Nest HTTP app: the ingester, the API and the stages' health port. */
@Module({})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Optional() @Inject(SHUTDOWN_TRACING) private readonly tracing?: Tracing) {}

  /** `tracing`: flushed when the app shuts down (HTTP services; stages flush after their consumer drains). */
  static forRoot(options: { readiness: Readiness; metrics: MetricsSource; tracing?: Tracing; decorators?: ClassDecorator[] }): DynamicModule {
    return {
      module: HealthModule,
      // Failing probes are visible in newswire_ready and the services' own outage lines; terminus would log each request.
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [healthController(options.decorators ?? [])],
      providers: [
        { provide: READINESS, useValue: options.readiness },
        { provide: SERVICE_METRICS, useValue: options.metrics },
        ...(options.tracing ? [{ provide: SHUTDOWN_TRACING, useValue: options.tracing }] : []),
      ],
      exports: [READINESS, SERVICE_METRICS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.shutdown();
  }
}
