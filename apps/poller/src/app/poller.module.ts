import { type BeforeApplicationShutdown, type DynamicModule, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { Connection, mongo } from 'mongoose';
import { TOPICS } from '@newswire/contracts';
import { BatchingProducer, BrokerProbe, createKafka, ensureTopics, kafkaSettingsFrom, ReceivedPublisher } from '@newswire/kafka';
import { KeyedLease, type KeyedLeaseDoc, MONGO_CONNECTION, MongoModule, storeOptionsFrom, StoreProbe } from '@newswire/mongo';
import { HealthModule, type Readiness, type ServiceTelemetry } from '@newswire/observability';
import type { DropTarget, PollTarget } from '@newswire/sources';
import { articleBytesOf, POLLER_CONFIG, type PollerConfig } from './config';
import type { WatchedSource } from '@newswire/feed-health';
import { DropFileLedger } from './drop-files';
import { DropFolderWatcher } from './drop-folder-watcher';
import { FeedFetcher } from './feed-fetcher';
import { FeedHealthModule } from './feed-health/feed-health.module';
import { MongoHealthStore } from './feed-health/health-store';
import { StoreSourceFailures } from './feed-health/source-failures';
import { FeedPoller } from './feed-poller';
import { POLL_LEASES_COLLECTION, PollStateStore } from './poll-state';

const KAFKA = Symbol('KAFKA');

@Module({})
export class PollerModule implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(BrokerProbe) private readonly broker: BrokerProbe,
    @Inject(POLLER_CONFIG) private readonly config: PollerConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(FeedPoller) private readonly poller: FeedPoller,
    @Inject(DropFolderWatcher) private readonly dropFolders: DropFolderWatcher,
  ) {}

  static forRoot(config: PollerConfig, telemetry: ServiceTelemetry, readiness: Readiness, targets: PollTarget[], drops: DropTarget[], watched: WatchedSource[] = []): DynamicModule {
    const settings = kafkaSettingsFrom(config, 'poller');
    // Unreadable feeds and failed drop files count as the source's parse failures (feed health).
    const failuresOf = (connection: Connection) => (config.FEED_HEALTH_ENABLED ? new StoreSourceFailures(new MongoHealthStore(connection)) : undefined);
    const kafka = createKafka(settings);
    return {
      module: PollerModule,
      imports: [
        MongoModule.forRoot(config.MONGODB_URI, { service: 'poller', ...storeOptionsFrom(config) }),
        HealthModule.forRoot({ readiness, metrics: telemetry.metrics, tracing: telemetry.tracing }),
        FeedHealthModule.forRoot(config, telemetry, watched),
      ],
      providers: [
        { provide: POLLER_CONFIG, useValue: config },
        { provide: KAFKA, useValue: kafka },
        {
          provide: BatchingProducer,
          useFactory: () => new BatchingProducer(kafka, { namespace: settings.namespace, maxMessageBytes: settings.maxMessageBytes, publishTimeoutMs: config.INGEST_PUBLISH_TIMEOUT_MS }),
        },
        { provide: BrokerProbe, useFactory: () => new BrokerProbe(settings) },
        { provide: ReceivedPublisher, inject: [BatchingProducer], useFactory: (producer: BatchingProducer) => new ReceivedPublisher(producer, telemetry, 'poller') },
        {
          provide: KeyedLease,
          inject: [MONGO_CONNECTION],
          useFactory: (connection: Connection) => new KeyedLease(connection.collection(POLL_LEASES_COLLECTION) as unknown as mongo.Collection<KeyedLeaseDoc>, config.POLL_LEASE_TTL_MS),
        },
        {
          provide: FeedPoller,
          inject: [MONGO_CONNECTION, KeyedLease, ReceivedPublisher],
          useFactory: (connection: Connection, lease: KeyedLease, publisher: ReceivedPublisher) =>
            new FeedPoller(
              targets,
              new PollStateStore(connection),
              lease,
              new FeedFetcher('newswire-poller/1 (+https://github.com/newswire)'),
              publisher,
              telemetry.metrics,
              {
                tickMs: config.POLL_TICK_MS,
                concurrency: config.POLL_CONCURRENCY,
                maxBackoffSeconds: config.POLL_MAX_BACKOFF_SECONDS,
                seenItems: config.POLL_SEEN_ITEMS,
                maxItems: config.MAX_ITEMS_PER_DOCUMENT,
                articleBytes: articleBytesOf(config),
              },
              failuresOf(connection),
            ),
        },
        {
          provide: DropFolderWatcher,
          inject: [MONGO_CONNECTION, KeyedLease, ReceivedPublisher],
          useFactory: (connection: Connection, lease: KeyedLease, publisher: ReceivedPublisher) =>
            new DropFolderWatcher(drops, new DropFileLedger(connection), lease, publisher, telemetry.metrics, {
              scanMs: config.DROP_SCAN_MS,
              maxItems: config.MAX_ITEMS_PER_DOCUMENT,
              articleBytes: articleBytesOf(config),
            }, failuresOf(connection)),
        },
      ],
    };
  }

  /** Ready while the broker answers, publishing succeeds and the store answers: otherwise polls would fail. */
  static readinessOf(readiness: Readiness, app: { get<T>(token: unknown): T }): void {
    const producer = app.get<BatchingProducer>(BatchingProducer);
    const broker = app.get<BrokerProbe>(BrokerProbe);
    const store = app.get<StoreProbe>(StoreProbe);
    readiness
      .add('broker', () => broker.reachable && producer.connected)
      .add('publishing', () => !producer.failing())
      .add('store', () => store.check());
  }

  async onModuleInit(): Promise<void> {
    const limits = await ensureTopics(this.kafka, [TOPICS.articleReceived], kafkaSettingsFrom(this.config, 'poller'));
    this.producer.setTopicLimits(limits);
    await this.producer.connect();
    await this.broker.start();
  }

  /** Before the store and the producer close: no poll or dropped file is left half done. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.poller.stop(), this.dropFolders.stop()]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broker.stop();
    await this.producer.disconnect();
  }
}
