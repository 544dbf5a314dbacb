import { type DynamicModule, Inject, Module, type OnApplicationShutdown, type OnModuleInit, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { TOPICS } from '@newswire/contracts';
import { BatchingProducer, BrokerProbe, createKafka, ensureTopics, kafkaSettingsFrom } from '@newswire/kafka';
import { MONGO_CONNECTION, MongoModule, storeOptionsFrom } from '@newswire/mongo';
import { HealthModule, Readiness, type ServiceTelemetry, TELEMETRY } from '@newswire/observability';
import { HttpErrorFilter } from '@newswire/platform';
import type { SourceRegistry } from '@newswire/sources';
import { ArticlesController } from './articles.controller';
import { INGESTER_CONFIG, type IngesterConfig } from './config';
import { IntakeService } from './intake.service';
import { DeliveryGate } from './signed-ingest/delivery-gate';
import { DeliveryLedger } from './signed-ingest/delivery-ledger';
import { DeliveryPurger } from './signed-ingest/delivery-purger';
import { SenderAuthenticator } from './signed-ingest/sender-authenticator';
import { SourceRateLimits } from './signed-ingest/source-rate-limits';
import { DELIVERY_LEDGER, SOURCE_REGISTRY } from './signed-ingest/tokens';

const KAFKA = Symbol('KAFKA');

@Module({})
export class IngesterModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(BrokerProbe) private readonly broker: BrokerProbe,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger | null,
  ) {}

  /** `registry` is undefined only in development mode without SOURCES_FILE: then no store is needed. */
  static forRoot(config: IngesterConfig, telemetry: ServiceTelemetry, readiness: Readiness, registry?: SourceRegistry): DynamicModule {
    const settings = kafkaSettingsFrom(config, 'ingester');
    const kafka = createKafka(settings);
    const ledger: Provider = registry
      ? {
          provide: DELIVERY_LEDGER,
          inject: [MONGO_CONNECTION],
          useFactory: (connection: Connection) => new DeliveryLedger(connection, config.DELIVERY_RETENTION_MINUTES * 60_000),
        }
      : { provide: DELIVERY_LEDGER, useFactory: () => null };
    return {
      module: IngesterModule,
      imports: [...(registry ? [MongoModule.forRoot(config.MONGODB_URI, { service: 'ingester', ...storeOptionsFrom(config) })] : []), HealthModule.forRoot({ readiness, metrics: telemetry.metrics, tracing: telemetry.tracing })],
      controllers: [ArticlesController],
      providers: [
        { provide: INGESTER_CONFIG, useValue: config },
        { provide: TELEMETRY, useValue: telemetry },
        { provide: KAFKA, useValue: kafka },
        {
          provide: BatchingProducer,
          useFactory: () =>
            new BatchingProducer(kafka, { namespace: settings.namespace, maxMessageBytes: settings.maxMessageBytes, publishTimeoutMs: config.INGEST_PUBLISH_TIMEOUT_MS }),
        },
        { provide: BrokerProbe, useFactory: () => new BrokerProbe(settings) },
        { provide: SOURCE_REGISTRY, useFactory: () => registry ?? null },
        ledger,
        { provide: APP_FILTER, useFactory: () => new HttpErrorFilter() },
        IntakeService,
        SenderAuthenticator,
        SourceRateLimits,
        DeliveryGate,
        DeliveryPurger,
      ],
    };
  }

  /**
   * Ready while the broker answers, the last publish was acknowledged and,
   * with signed ingest on, the delivery store answers: otherwise submissions
   * could not be acknowledged, so a load balancer should send them elsewhere.
   */
  static readinessOf(readiness: Readiness, app: { get<T>(token: unknown): T }): void {
    const producer = app.get<BatchingProducer>(BatchingProducer);
    const broker = app.get<BrokerProbe>(BrokerProbe);
    const ledger = app.get<DeliveryLedger | null>(DELIVERY_LEDGER);
    readiness.add('broker', () => broker.reachable && producer.connected).add('publishing', () => !producer.failing());
    if (ledger) readiness.add('store', () => ledger.reachable());
  }

  async onModuleInit(): Promise<void> {
    const limits = await ensureTopics(this.kafka, [TOPICS.articleReceived], kafkaSettingsFrom(this.config, 'ingester'));
    this.producer.setTopicLimits(limits);
    await this.ledger?.ensureIndexes();
    await this.producer.connect();
    await this.broker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broker.stop();
    await this.producer.disconnect();
  }
}
