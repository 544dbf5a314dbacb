import { type DynamicModule, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { Connection, mongo } from 'mongoose';
import { ArticleRepository } from '@newswire/archive-data';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@newswire/contracts';
import { BatchingProducer, createKafka, ensureTopics, kafkaSettingsFrom } from '@newswire/kafka';
import { KeyedLease, type KeyedLeaseDoc, MONGO_CONNECTION, MongoModule, storeOptionsFrom } from '@newswire/mongo';
import { ServiceMetrics } from '@newswire/observability';
import type { StorageConfig } from './config';
import { EmbargoReleaser } from './embargo-releaser';
import { ListIndexCompactor } from './list-index-compactor';
import { NINJS_OUT } from './ninjs-out';
import { StorageController } from './storage.controller';

const COMPACTOR = Symbol('ListIndexCompactor');
const RELEASE_PRODUCER = Symbol('ReleaseProducer');
const RELEASE_KAFKA = Symbol('ReleaseKafka');
const STORAGE_CONFIG = Symbol('StorageConfig');
export const EMBARGO_LEASES_COLLECTION = 'embargo_leases';

@Module({})
export class StorageModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(ArticleRepository) private readonly articles: ArticleRepository,
    @Inject(COMPACTOR) private readonly compactor: ListIndexCompactor,
    @Inject(RELEASE_PRODUCER) private readonly producer: BatchingProducer,
    @Inject(EmbargoReleaser) private readonly releaser: EmbargoReleaser,
    @Inject(RELEASE_KAFKA) private readonly kafka: Kafka,
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
  ) {}

  static forRoot(config: StorageConfig, telemetry?: { tracer?: Tracer; metrics?: ServiceMetrics }): DynamicModule {
    const settings = kafkaSettingsFrom(config, 'storage');
    const kafka = createKafka(settings);
    return {
      module: StorageModule,
      imports: [MongoModule.forRoot(config.MONGODB_URI, { service: 'storage', ...storeOptionsFrom(config) })],
      controllers: [StorageController],
      providers: [
        { provide: ArticleRepository, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => new ArticleRepository(c, telemetry?.tracer) },
        { provide: COMPACTOR, inject: [ArticleRepository], useFactory: (a: ArticleRepository) => new ListIndexCompactor(a, config.LIST_INDEX_COMPACT_INTERVAL_MS) },
        ...(telemetry?.metrics ? [{ provide: ServiceMetrics, useValue: telemetry.metrics }] : []),
        { provide: STORAGE_CONFIG, useValue: config },
        { provide: NINJS_OUT, useValue: config.NINJS_TOPIC },
        { provide: RELEASE_KAFKA, useValue: kafka },
        // The releaser's own producer: releases are sent outside any consumed batch.
        {
          provide: RELEASE_PRODUCER,
          useFactory: () => new BatchingProducer(kafka, { namespace: settings.namespace, maxMessageBytes: settings.maxMessageBytes, publishTimeoutMs: 10_000 }),
        },
        {
          provide: EmbargoReleaser,
          inject: [MONGO_CONNECTION, ArticleRepository, RELEASE_PRODUCER],
          useFactory: (c: Connection, a: ArticleRepository, producer: BatchingProducer) =>
            new EmbargoReleaser(
              a.embargo,
              new KeyedLease(c.collection(EMBARGO_LEASES_COLLECTION) as unknown as mongo.Collection<KeyedLeaseDoc>, config.EMBARGO_LEASE_TTL_MS),
              (message) => producer.publish(message),
              telemetry?.metrics,
              { intervalMs: config.EMBARGO_RELEASE_INTERVAL_MS, batch: 100, ninjs: config.NINJS_TOPIC },
            ),
        },
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.articles.ensureIndexes();
    // The releaser may run before the stage's consumer has created its outputs.
    this.producer.setTopicLimits(await ensureTopics(this.kafka, [TOPICS.storyReleased, TOPICS.articleStored, TOPICS.articleNinjs], kafkaSettingsFrom(this.config, 'storage')));
    await this.producer.connect();
    this.compactor.start();
    this.releaser.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.releaser.stop();
    await this.compactor.stop();
    await this.producer.disconnect();
  }
}
