import { type DynamicModule, Inject, Module, type OnModuleInit } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { Connection } from 'mongoose';
import { ArticleRepository } from '@newswire/archive-data';
import { MONGO_CONNECTION, MongoModule } from '@newswire/mongo';
import type { StorageConfig } from './config';
import { StorageController } from './storage.controller';

@Module({})
export class StorageModule implements OnModuleInit {
  constructor(@Inject(ArticleRepository) private readonly articles: ArticleRepository) {}

  static forRoot(config: StorageConfig, tracer?: Tracer): DynamicModule {
    return {
      module: StorageModule,
      imports: [MongoModule.forRoot(config.MONGODB_URI)],
      controllers: [StorageController],
      providers: [{ provide: ArticleRepository, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => new ArticleRepository(c, tracer) }],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.articles.ensureIndexes();
  }
}
