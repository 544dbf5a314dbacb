import { type BeforeApplicationShutdown, type DynamicModule, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Connection, mongo } from 'mongoose';
import { TOPICS } from '@newswire/contracts';
import { DEFAULT_HEALTH_SETTINGS, type WatchedSource } from '@newswire/feed-health';
import { BatchingProducer, createKafka, ensureTopics, kafkaSettingsFrom } from '@newswire/kafka';
import { KeyedLease, type KeyedLeaseDoc, MONGO_CONNECTION } from '@newswire/mongo';
import type { ServiceTelemetry } from '@newswire/observability';
import type { PollerConfig } from '../config';
import { KafkaHealthEvents } from './health-events';
import { HealthIntake } from './health-intake';
import { HealthMonitor } from './health-monitor';
import { MongoHealthStore } from './health-store';

export const FEED_HEALTH_LEASES_COLLECTION = 'feed_health_leases';
const HEALTH_KAFKA = Symbol('HEALTH_KAFKA');
const HEALTH_PRODUCER = Symbol('HEALTH_PRODUCER');

/**
 * Feed health inside the poller (the sources service): counts what every
 * source sends (HealthIntake, a consumer group of its own on the received
 * topic and its dead letters), judges it (HealthMonitor, one instance at a
 * time) and announces changes on `news.source.health.v1`. Its own Kafka
 * client and producer, so it stands apart from the polling.
 */
@Module({})
export class FeedHealthModule implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(HEALTH_KAFKA) private readonly kafka: Kafka,
    @Inject(HEALTH_PRODUCER) private readonly producer: BatchingProducer,
    @Inject(HealthIntake) private readonly intake: HealthIntake,
    @Inject(HealthMonitor) private readonly monitor: HealthMonitor,
    @Inject('FEED_HEALTH_CONFIG') private readonly config: PollerConfig,
  ) {}

  static forRoot(config: PollerConfig, telemetry: ServiceTelemetry, sources: WatchedSource[]): DynamicModule {
    const settings = kafkaSettingsFrom(config, 'poller');
    const kafka = createKafka(settings);
    return {
      module: FeedHealthModule,
      providers: [
        { provide: 'FEED_HEALTH_CONFIG', useValue: config },
        { provide: HEALTH_KAFKA, useValue: kafka },
        { provide: HEALTH_PRODUCER, useFactory: () => new BatchingProducer(kafka, { namespace: settings.namespace, maxMessageBytes: settings.maxMessageBytes }) },
        { provide: MongoHealthStore, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => new MongoHealthStore(c) },
        {
          provide: HealthIntake,
          inject: [MongoHealthStore],
          useFactory: (store: MongoHealthStore) =>
            new HealthIntake(kafka, store, {
              namespace: settings.namespace,
              groupId: `${settings.groupId}-feed-health`,
              sessionTimeoutMs: settings.sessionTimeoutMs,
              fetchMaxWaitMs: settings.fetchMaxWaitMs,
              watched: new Set(sources.map((s) => s.id)),
            }),
        },
        {
          provide: HealthMonitor,
          inject: [MONGO_CONNECTION, MongoHealthStore, HEALTH_PRODUCER],
          useFactory: (c: Connection, store: MongoHealthStore, producer: BatchingProducer) =>
            new HealthMonitor(
              sources,
              store,
              new KafkaHealthEvents(producer),
              new KeyedLease(c.collection(FEED_HEALTH_LEASES_COLLECTION) as unknown as mongo.Collection<KeyedLeaseDoc>, config.FEED_HEALTH_LEASE_TTL_MS),
              telemetry.metrics,
              { tickMs: config.FEED_HEALTH_TICK_MS, settings: DEFAULT_HEALTH_SETTINGS },
            ),
        },
      ],
      exports: [HealthMonitor, HealthIntake],
    };
  }

  async onModuleInit(): Promise<void> {
    if (!this.config.FEED_HEALTH_ENABLED) return;
    const layout = kafkaSettingsFrom(this.config, 'poller');
    this.producer.setTopicLimits(await ensureTopics(this.kafka, [TOPICS.articleReceived, TOPICS.sourceHealth], layout));
    await this.producer.connect();
    await this.intake.start();
    // Judged only once something counts: right after a restart a busy source would otherwise look silent.
    void this.intake.joined.then(() => this.monitor.start());
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.monitor.stop();
    await this.intake.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}
