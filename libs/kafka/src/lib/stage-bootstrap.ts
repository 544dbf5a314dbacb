import { type DynamicModule, type INestApplication, Logger, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { MicroserviceOptions, NestMicroservice } from '@nestjs/microservices';
import type { z } from 'zod';
import { DevModeEnv, devModeBanner, enforceSecurity, envInt, envLogLevel, loadConfig, type SecurityAssessment } from '@newswire/config';
import { createTelemetry, HealthModule, Readiness, type ReadinessCheck, type ServiceTelemetry, TelemetryEnv } from '@newswire/observability';
import { EXIT_CODES } from '@newswire/platform';
import { BrokerProbe } from './broker-probe';
import { KafkaEnv, kafkaSettingsFrom } from './kafka-config';
import { assessKafkaSecurity } from '@newswire/kafka-security';
import { KafkaStageServer, type KafkaStageServerOptions, RethrowRpcErrorsFilter } from './nest-stage-server';
import { StageTelemetry } from './stage-telemetry';

/** Named readiness conditions a stage adds to the consumer's and the broker's (its store). */
export type ReadinessChecks = Record<string, ReadinessCheck>;

/** The stage's own module beside liveness, readiness and metrics. */
@Module({})
class StageRootModule {
  static forRoot(stage: Type<unknown> | DynamicModule, health: DynamicModule): DynamicModule {
    return { module: StageRootModule, imports: [stage, health] };
  }
}

/**
 * A stage as a hybrid Nest app: the Kafka transport as its microservice and
 * an HTTP server for `/health/*` and `/metrics` (listening only when asked).
 * On close Nest disposes the HTTP server and the transport (the consumer
 * drains and commits) before any module's shutdown hook runs, so database
 * connections close last (MongoModule closes on onApplicationShutdown, after dispose).
 */
export async function createStage(
  module: unknown,
  options: Omit<KafkaStageServerOptions, 'telemetry'> & { telemetry: ServiceTelemetry; readiness: Readiness },
): Promise<{ app: INestApplication; server: KafkaStageServer }> {
  const { telemetry, readiness } = options;
  const server = new KafkaStageServer({ ...options, telemetry: new StageTelemetry(options.stage, telemetry) });
  const app = await NestFactory.create<NestExpressApplication>(
    StageRootModule.forRoot(module as Type<unknown>, HealthModule.forRoot({ readiness, metrics: telemetry.metrics })),
    { logger: telemetry.logger, bodyParser: false },
  );
  app.disable('x-powered-by');
  // Deferred: the transport's listeners are made when it starts, so they get the filter below; its modules'
  // init hooks are the app's own (app.init()), not to be called twice.
  const transport = app.connectMicroservice<MicroserviceOptions>({ strategy: server }, { deferInitialization: true }) as NestMicroservice;
  transport.setIsInitHookCalled(true);
  // Stages need the original error to know whether it is retriable; HTTP keeps Nest's own handling.
  transport.useGlobalFilters(new RethrowRpcErrorsFilter());
  return { app, server };
}

/** What every stage's environment has: Kafka settings, a log level and an optional health port. */
export const StageEnv = KafkaEnv.extend(DevModeEnv.shape)
  .extend(TelemetryEnv.shape)
  .extend({
    LOG_LEVEL: envLogLevel,
    /** 0 (the default) serves no HTTP: no health endpoints and no metrics. */
    HEALTH_PORT: envInt(0, 0, 65535),
    /** How long SIGTERM may take (drain, commit, close) before the process exits anyway. */
    SHUTDOWN_GRACE_MS: envInt(25_000, 1_000, 600_000),
  });
export type StageConfig = z.infer<typeof StageEnv>;

export interface StartedStage<C> {
  app: INestApplication;
  server: KafkaStageServer;
  config: C;
  broker: BrokerProbe;
  telemetry: ServiceTelemetry;
  readiness: Readiness;
}

/**
 * Validates a stage's environment, builds its module and starts consuming:
 * the whole start-up of enricher, deduplicator and storage.
 */
export async function startStageService<C extends StageConfig>(spec: {
  service: string;
  schema: z.ZodType<C>;
  env: Record<string, string | undefined>;
  module: (config: C, telemetry: ServiceTelemetry) => unknown;
  outputs: readonly string[];
  /** Whether an error means a dependency is down (waited out, never dead-lettered). */
  isOutage?: (err: unknown) => boolean;
  /** Readiness conditions of the stage's own dependencies (the store), read from the started app. */
  readiness?: (app: INestApplication) => ReadinessChecks;
  /** The stage's other servers (its store), checked with Kafka before anything connects. */
  security?: (config: C) => SecurityAssessment[];
  /** Where the app's metrics registry lives when cluster workers report to their primary. */
  onTelemetry?: (telemetry: ServiceTelemetry) => void;
}): Promise<StartedStage<C>> {
  const config = loadConfig(spec.service, spec.schema as never, spec.env) as C;
  const telemetry = createTelemetry(spec.service, config);
  spec.onTelemetry?.(telemetry);
  const open = enforceSecurity(spec.service, config, [assessKafkaSecurity(config), ...(spec.security?.(config) ?? [])]);
  if (config.NEWSWIRE_DEV_MODE) new Logger(spec.service).warn(devModeBanner(spec.service, open));
  const settings = kafkaSettingsFrom(config, spec.service);
  const readiness = new Readiness(telemetry.metrics);
  const stage = await createStage(spec.module(config, telemetry), {
    settings,
    stage: spec.service,
    outputs: spec.outputs,
    isOutage: spec.isOutage,
    telemetry,
    readiness,
  });
  // Modules first (indexes, connections), then the consumer.
  await stage.app.init();
  await stage.app.startAllMicroservices();
  const broker = new BrokerProbe(settings);
  await broker.start();
  // After the consumer has drained: the probe stops, buffered spans go out.
  stage.server.onClose(() => broker.stop());
  stage.server.onClose(() => telemetry.tracing.shutdown());
  readiness.add('consumer', () => stage.server.healthy).add('broker', () => broker.reachable);
  for (const [name, check] of Object.entries(spec.readiness?.(stage.app) ?? {})) readiness.add(name, check);
  if (config.HEALTH_PORT > 0) {
    await stage.app.listen(config.HEALTH_PORT);
    new Logger(spec.service).log(`health on :${config.HEALTH_PORT}/health/live and /health/ready, metrics on :${config.HEALTH_PORT}/metrics`);
  }
  return { ...stage, config, broker, telemetry, readiness };
}

/**
 * Production wiring for a started stage: SIGTERM drains and exits, and a
 * consumer that crashed for good closes the app and exits non-zero instead
 * of idling with a dead consumer (kafkajs #852).
 */
export function superviseStage({ app, server }: { app: INestApplication; server: KafkaStageServer }): void {
  app.enableShutdownHooks();
  server.onCrash((err) => {
    new Logger('stage').error(`consumer crashed for good, exiting to be restarted: ${String(err)}`);
    void app.close().finally(() => process.exit(EXIT_CODES.software));
  });
}
