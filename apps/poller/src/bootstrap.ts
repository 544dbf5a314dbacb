import { type INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { devModeBanner, enforceSecurity, loadConfig } from '@newswire/config';
import { assessKafkaSecurity } from '@newswire/kafka';
import { assessMongoSecurity } from '@newswire/mongo';
import { createTelemetry, Readiness, type ServiceTelemetry } from '@newswire/observability';
import { PollerEnv, type PollerConfig } from './app/config';
import { DropFolderWatcher } from './app/drop-folder-watcher';
import { FeedPoller } from './app/feed-poller';
import { watchedSourcesOf } from './app/feed-health/watched-sources';
import { loadTargets } from './app/load-targets';
import { PollerModule } from './app/poller.module';

export interface StartedPoller {
  app: INestApplication;
  config: PollerConfig;
  telemetry: ServiceTelemetry;
  poller: FeedPoller;
  dropFolders: DropFolderWatcher;
  /** The health and metrics URL, when HEALTH_PORT is set. */
  url?: string;
}

export async function startPoller(env: Record<string, string | undefined> = process.env): Promise<StartedPoller> {
  const config = loadConfig('poller', PollerEnv, env);
  const telemetry = createTelemetry('poller', config);
  // Before anything connects: missing credentials or a bad registry stop start-up (ConfigError, exit 78).
  const open = enforceSecurity('poller', config, [assessKafkaSecurity(config), assessMongoSecurity(config)]);
  const { feeds: targets, drops } = loadTargets(config.SOURCES_FILE, env);
  const logger = new Logger('poller');
  if (config.NEWSWIRE_DEV_MODE) logger.warn(devModeBanner('poller', open));
  const readiness = new Readiness(telemetry.metrics);
  const watched = config.FEED_HEALTH_ENABLED ? watchedSourcesOf(config.SOURCES_FILE) : [];
  const app = await NestFactory.create<NestExpressApplication>(PollerModule.forRoot(config, telemetry, readiness, targets, drops, watched), { bodyParser: false, logger: telemetry.logger });
  PollerModule.readinessOf(readiness, app);
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  await app.init();
  let url: string | undefined;
  if (config.HEALTH_PORT > 0) {
    await app.listen(config.HEALTH_PORT, config.HOST);
    url = `http://127.0.0.1:${config.HEALTH_PORT}`;
    logger.log(`health on :${config.HEALTH_PORT}/health/live and /health/ready, metrics on :${config.HEALTH_PORT}/metrics`);
  }
  const poller = app.get(FeedPoller);
  poller.start();
  logger.log(`polling ${targets.length} feed(s): ${targets.map((t) => `${t.sourceId} every ${t.poll.everySeconds}s`).join(', ') || 'none registered'}`);
  const dropFolders = app.get(DropFolderWatcher);
  dropFolders.start();
  logger.log(`watching ${drops.length} drop folder(s): ${drops.map((d) => `${d.sourceId} at ${d.dropFolder.path} (quiet ${d.dropFolder.quietSeconds}s)`).join(', ') || 'none registered'}`);
  return { app, config, telemetry, poller, dropFolders, ...(url ? { url } : {}) };
}
