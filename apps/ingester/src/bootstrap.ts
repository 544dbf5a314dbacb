import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { devModeBanner, enforceSecurity, loadConfig } from '@newswire/config';
import { assessKafkaSecurity } from '@newswire/kafka';
import { createTelemetry, httpTelemetry, Readiness, type ServiceTelemetry } from '@newswire/observability';
import { assessMongoSecurity } from '@newswire/mongo';
import { keepConnectionsAlive } from '@newswire/platform';
import { IngesterEnv, type IngesterConfig } from './app/config';
import { IngesterModule } from './app/ingester.module';
import { loadSources } from './app/signed-ingest/load-sources';

export async function startIngester(env: Record<string, string | undefined> = process.env): Promise<{ app: INestApplication; url: string; config: IngesterConfig; telemetry: ServiceTelemetry }> {
  const config = loadConfig('ingester', IngesterEnv, env);
  // First: every line from here on is in the service's log format.
  const telemetry = createTelemetry('ingester', config);
  // Before anything connects: a bad registry or a missing secret stops start-up with ConfigError (exit 78).
  // The store holds the delivery ledger, used only with signed ingest.
  const open = enforceSecurity('ingester', config, [assessKafkaSecurity(config), ...(config.SOURCES_FILE ? [assessMongoSecurity(config)] : [])]);
  const registry = loadSources(config, env);
  if (config.NEWSWIRE_DEV_MODE) {
    new Logger('ingester').warn(
      devModeBanner('ingester', [
        ...open,
        'POST /v1/articles accepts unsigned requests from anyone who can reach it',
        'unsigned stories are attributed to the provider/publisher their body names: anyone can update or kill them',
        registry ? `signed requests are verified against SOURCES_FILE (${registry.pushEnabled().length} source(s) can push)` : 'no SOURCES_FILE: signed requests are refused',
      ]),
    );
  }
  const readiness = new Readiness(telemetry.metrics);
  const app = await NestFactory.create<NestExpressApplication>(IngesterModule.forRoot(config, telemetry, readiness, registry), {
    bodyParser: false,
    logger: telemetry.logger,
  });
  IngesterModule.readinessOf(readiness, app);
  // Names the framework to every stranger and helps nobody else.
  app.disable('x-powered-by');
  // Before the routes: a span per request (continuing the caller's traceparent) and HTTP metrics by route.
  app.use(httpTelemetry(telemetry));
  app.enableShutdownHooks();
  keepConnectionsAlive(app.getHttpServer());
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  new Logger('ingester').log(`ready: POST ${url}/v1/articles${registry ? ` (signed: ${registry.pushEnabled().map((s) => s.id).join(', ') || 'no source can push'})` : ''}`);
  return { app, url, config, telemetry };
}
