import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ClusterMetrics, clusterReadiness, createTelemetry, HealthModule } from '@newswire/observability';
import type { EnricherConfig } from './app/config';

/**
 * The clustered enricher's health port, served by the primary: liveness,
 * readiness (every worker up and ready) and the workers' metrics summed, so
 * one scrape sees the whole service. The same terminus module every service uses.
 */
export async function startClusterHealth(config: EnricherConfig): Promise<{ close: () => Promise<void> }> {
  if (config.HEALTH_PORT === 0) return { close: async () => undefined };
  const telemetry = createTelemetry('enricher', config);
  const metrics = new ClusterMetrics();
  const app = await NestFactory.create<NestExpressApplication>(
    HealthModule.forRoot({ readiness: clusterReadiness(metrics, config.ENRICHER_WORKERS), metrics }),
    { logger: telemetry.logger, bodyParser: false },
  );
  app.disable('x-powered-by');
  await app.listen(config.HEALTH_PORT);
  new Logger('enricher:cluster').log(`health on :${config.HEALTH_PORT}/health/live and /health/ready, metrics of all workers on :${config.HEALTH_PORT}/metrics`);
  return { close: () => app.close() };
}
