import { type INestMicroservice, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { z } from 'zod';
import { DevModeEnv, devModeBanner, enforceSecurity, envInt, envLogLevel, loadConfig, type SecurityAssessment } from '@newswire/config';
import { EXIT_CODES, logLevelsUpTo } from '@newswire/platform';
import { BrokerProbe } from './broker-probe';
import { type ReadinessChecks, startHealthServer } from './health-server';
import { KafkaEnv, kafkaSettingsFrom } from './kafka-config';
import { assessKafkaSecurity } from '@newswire/kafka-security';
import { KafkaStageServer, type KafkaStageServerOptions, RethrowRpcErrorsFilter } from './nest-stage-server';

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
  /** How long SIGTERM may take (drain, commit, close) before the process exits anyway. */
  SHUTDOWN_GRACE_MS: envInt(25_000, 1_000, 600_000),
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
  /** Whether an error means a dependency is down (waited out, never dead-lettered). */
  isOutage?: (err: unknown) => boolean;
  /** Readiness conditions of the stage's own dependencies (the store), read from the started app. */
  readiness?: (app: INestMicroservice) => ReadinessChecks;
  /** The stage's other servers (its store), checked with Kafka before anything connects. */
  security?: (config: C) => SecurityAssessment[];
}): Promise<{ app: INestMicroservice; server: KafkaStageServer; config: C; broker: BrokerProbe }> {
  const config = loadConfig(spec.service, spec.schema as never, spec.env) as C;
  const open = enforceSecurity(spec.service, config, [assessKafkaSecurity(config), ...(spec.security?.(config) ?? [])]);
  if (config.NEWSWIRE_DEV_MODE) new Logger(spec.service).warn(devModeBanner(spec.service, open));
  const settings = kafkaSettingsFrom(config, spec.service);
  const stage = await createStage(spec.module(config), {
    settings,
    stage: spec.service,
    outputs: spec.outputs,
    logLevel: config.LOG_LEVEL,
    isOutage: spec.isOutage,
  });
  await stage.app.listen();
  const broker = new BrokerProbe(settings);
  await broker.start();
  stage.server.onClose(() => broker.stop());
  if (config.HEALTH_PORT > 0) {
    const checks: ReadinessChecks = { consumer: () => stage.server.healthy, broker: () => broker.reachable, ...spec.readiness?.(stage.app) };
    stage.server.attachHealthServer(await startHealthServer(config.HEALTH_PORT, checks));
    new Logger(spec.service).log(`health on :${config.HEALTH_PORT}/health/live and /health/ready`);
  }
  return { ...stage, config, broker };
}

/**
 * Production wiring for a started stage: SIGTERM drains and exits, and a
 * consumer that crashed for good closes the app and exits non-zero instead
 * of idling with a dead consumer (kafkajs #852).
 */
export function superviseStage({ app, server }: { app: INestMicroservice; server: KafkaStageServer }): void {
  app.enableShutdownHooks();
  server.onCrash((err) => {
    new Logger('stage').error(`consumer crashed for good, exiting to be restarted: ${String(err)}`);
    void app.close().finally(() => process.exit(EXIT_CODES.software));
  });
}
