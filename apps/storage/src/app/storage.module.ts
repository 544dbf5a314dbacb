import { type DynamicModule, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { Connection } from 'mongoose';
import { ArticleRepository } from '@newswire/archive-data';
import { MONGO_CONNECTION, MongoModule } from '@newswire/mongo';
import type { StorageConfig } from './config';
import { ListIndexCompactor } from './list-index-compactor';
import { StorageController } from './storage.controller';

const COMPACTOR = Symbol('ListIndexCompactor');

@Module({})
export class StorageModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(ArticleRepository) private readonly articles: ArticleRepository,
    @Inject(COMPACTOR) private readonly compactor: ListIndexCompactor,
  ) {}

  static forRoot(config: StorageConfig, tracer?: Tracer): DynamicModule {
    return {
      module: StorageModule,
      imports: [MongoModule.forRoot(config.MONGODB_URI)],
      controllers: [StorageController],
      providers: [
        { provide: ArticleRepository, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => new ArticleRepository(c, tracer) },
        { provide: COMPACTOR, inject: [ArticleRepository], useFactory: (a: ArticleRepository) => new ListIndexCompactor(a, config.LIST_INDEX_COMPACT_INTERVAL_MS) },
      ],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.articles.ensureIndexes();
    this.compactor.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.compactor.stop();
  }
}
