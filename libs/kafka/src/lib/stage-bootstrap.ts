import { type INestMicroservice, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { z } from 'zod';
import { DevModeEnv, devModeBanner, enforceSecurity, envInt, envLogLevel, loadConfig, type SecurityAssessment } from '@newswire/config';
import { startHealthServer } from './health-server';
import { KafkaEnv, kafkaSettingsFrom } from './kafka-config';
import { assessKafkaSecurity } from '@newswire/kafka-security';
import { KafkaStageServer, type KafkaStageServerOptions, RethrowRpcErrorsFilter } from './nest-stage-server';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}

/**
 * Creates a stage as a pure Nest microservice, so that on shutdown the
 * consumer drains before modules (and their database connections) close.
 */
export async function createStage(
  module: unknown,
  options: KafkaStageServerOptions & { logLevel?: LogLevel },
): Promise<{ app: INestMicroservice; server: KafkaStageServer }> {
  const server = new KafkaStageServer(options);
  const app = await NestFactory.createMicroservice(module as never, {
    strategy: server,
    logger: logLevelsUpTo(options.logLevel ?? 'log'),
  });
  app.useGlobalFilters(new RethrowRpcErrorsFilter());
  return { app, server };
}

/** What every stage's environment has: Kafka settings, a log level and an optional health port. */
export const StageEnv = KafkaEnv.extend(DevModeEnv.shape).extend({
  LOG_LEVEL: envLogLevel,
  /** 0 (the default) serves no health endpoints. */
  HEALTH_PORT: envInt(0, 0, 65535),
});
export type StageConfig = z.infer<typeof StageEnv>;

/**
 * Validates a stage's environment, builds its module and starts consuming:
 * the whole start-up of enricher, deduplicator and storage.
 */
export async function startStageService<C extends StageConfig>(spec: {
  service: string;
  schema: z.ZodType<C>;
  env: Record<string, string | undefined>;
  module: (config: C) => unknown;
  outputs: readonly string[];
  /** The stage's other servers (its store), checked with Kafka before anything connects. */
  security?: (config: C) => SecurityAssessment[];
}): Promise<{ app: INestMicroservice; server: KafkaStageServer; config: C }> {
  const config = loadConfig(spec.service, spec.schema as never, spec.env) as C;
  const open = enforceSecurity(spec.service, config, [assessKafkaSecurity(config), ...(spec.security?.(config) ?? [])]);
  if (config.NEWSWIRE_DEV_MODE) new Logger(spec.service).warn(devModeBanner(spec.service, open));
  const stage = await createStage(spec.module(config), {
    settings: kafkaSettingsFrom(config, spec.service),
    stage: spec.service,
    outputs: spec.outputs,
    logLevel: config.LOG_LEVEL,
  });
  await stage.app.listen();
  if (config.HEALTH_PORT > 0) {
    stage.server.attachHealthServer(await startHealthServer(config.HEALTH_PORT, () => stage.server.healthy));
    new Logger(spec.service).log(`health on :${config.HEALTH_PORT}/health/live and /health/ready`);
  }
  return { ...stage, config };
}

/** EX_SOFTWARE: the supervisor (systemd, Kubernetes, compose) restarts the process. */
const EXIT_ON_CRASH = 70;

/**
 * Production wiring for a started stage: SIGTERM drains and exits, and a
 * consumer that crashed for good closes the app and exits non-zero instead
 * of idling with a dead consumer (kafkajs #852).
 */
export function superviseStage({ app, server }: { app: INestMicroservice; server: KafkaStageServer }): void {
  app.enableShutdownHooks();
  server.onCrash((err) => {
    new Logger('stage').error(`consumer crashed for good, exiting to be restarted: ${String(err)}`);
    void app.close().finally(() => process.exit(EXIT_ON_CRASH));
  });
}
