import { type DynamicModule, Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ArticleRepository } from '@newswire/archive-data';
import { connectMongo } from '@newswire/mongo';
import type { StorageConfig } from './config';
import { StorageController } from './storage.controller';

const MONGO = Symbol('MONGO');

@Module({})
export class StorageModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(MONGO) private readonly connection: Connection,
    @Inject(ArticleRepository) private readonly articles: ArticleRepository,
  ) {}

  static forRoot(config: StorageConfig): DynamicModule {
    return {
      module: StorageModule,
      controllers: [StorageController],
      providers: [
        { provide: MONGO, useFactory: () => connectMongo(config.MONGODB_URI) },
        { provide: ArticleRepository, inject: [MONGO], useFactory: (c: Connection) => new ArticleRepository(c) },
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.articles.ensureIndexes();
  }

  // Runs after the Kafka server has drained (pure microservice): no in-flight write loses its connection.
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
