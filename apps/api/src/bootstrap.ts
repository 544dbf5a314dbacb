import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { devModeBanner, enforceSecurity, loadConfig } from '@newswire/config';
import { assessMongoSecurity, StoreProbe } from '@newswire/mongo';
import { createTelemetry, httpTelemetry, Readiness, type ServiceTelemetry } from '@newswire/observability';
import { keepConnectionsAlive } from '@newswire/platform';
import { type ApiConfig, ApiEnv } from './app/config';
import { ApiModule } from './app/api.module';
import { buildOpenApiDocument } from './app/openapi';
import { OpenApiDocument } from './app/openapi.controller';
import { tokenRegistryFromConfig } from './app/auth/token-file';
import { sourceCatalogueFrom } from './app/sources/source-catalogue';

export async function startApi(env: Record<string, string | undefined> = process.env): Promise<{ app: INestApplication; url: string; config: ApiConfig; telemetry: ServiceTelemetry }> {
  const config = loadConfig('api', ApiEnv, env);
  const telemetry = createTelemetry('api', config);
  // Before anything listens: outside development mode no token file means no start (ConfigError, exit 78).
  const open = enforceSecurity('api', config, [assessMongoSecurity(config)]);
  const tokens = tokenRegistryFromConfig(config);
  const sources = sourceCatalogueFrom(config.SOURCES_FILE);
  if (config.NEWSWIRE_DEV_MODE) {
    new Logger('api').warn(
      devModeBanner('api', [
        ...open,
        'requests without a token are served with the public scope: anyone who can reach it reads published stories',
        tokens.size ? `${tokens.size} configured token(s) still work and keep their scopes; a wrong token is still refused` : 'no API_TOKENS_FILE: no token can reach privileged views',
      ]),
    );
  }
  // Read-only GET API: no body parser at all.
  const readiness = new Readiness(telemetry.metrics);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, tokens, telemetry, readiness, sources), { bodyParser: false, logger: telemetry.logger });
  // Ready only while the archive answers a ping now: an orchestrator stops routing queries otherwise.
  const store = app.get(StoreProbe);
  readiness.add('store', () => store.check());
  // Nothing in a response names the framework.
  app.disable('x-powered-by');
  // Generated from the controllers and the zod schemas once they are all known.
  app.get(OpenApiDocument).document = buildOpenApiDocument(app);
  app.use(httpTelemetry(telemetry));
  app.enableShutdownHooks();
  keepConnectionsAlive(app.getHttpServer());
  await app.listen(config.PORT, config.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  new Logger('api').log(`ready: GET ${url}/v1/articles (${tokens.size} token(s) configured)`);
  return { app, url, config, telemetry };
}
