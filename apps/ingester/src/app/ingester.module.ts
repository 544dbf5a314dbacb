import { type DynamicModule, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { TOPICS } from '@newswire/contracts';
import { BatchingProducer, BrokerProbe, createKafka, ensureTopics, kafkaSettingsFrom } from '@newswire/kafka';
import { ArticlesController } from './articles.controller';
import { INGESTER_CONFIG, type IngesterConfig } from './config';
import { IntakeService } from './intake.service';

const KAFKA = Symbol('KAFKA');

@Module({})
export class IngesterModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(BrokerProbe) private readonly broker: BrokerProbe,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  static forRoot(config: IngesterConfig): DynamicModule {
    const settings = kafkaSettingsFrom(config, 'ingester');
    const kafka = createKafka(settings);
    return {
      module: IngesterModule,
      controllers: [ArticlesController],
      providers: [
        { provide: INGESTER_CONFIG, useValue: config },
        { provide: KAFKA, useValue: kafka },
        {
          provide: BatchingProducer,
          useFactory: () =>
            new BatchingProducer(kafka, { namespace: settings.namespace, maxMessageBytes: settings.maxMessageBytes, publishTimeoutMs: config.INGEST_PUBLISH_TIMEOUT_MS }),
        },
        { provide: BrokerProbe, useFactory: () => new BrokerProbe(settings) },
        IntakeService,
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    const limits = await ensureTopics(this.kafka, [TOPICS.articleReceived], kafkaSettingsFrom(this.config, 'ingester'));
    this.producer.setTopicLimits(limits);
    await this.producer.connect();
    await this.broker.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.broker.stop();
    await this.producer.disconnect();
  }
}
