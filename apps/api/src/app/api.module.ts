import { type DynamicModule, Module } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ArticleQueries, detectCapabilities, type StoreCapabilities } from '@newswire/archive-data';
import { MONGO_CONNECTION, MongoModule } from '@newswire/mongo';
import { ArticlesController } from './articles.controller';
import { API_CONFIG, type ApiConfig } from './config';
import { HealthController } from './health.controller';
import { OpenApiController } from './openapi.controller';
import { CAPABILITIES } from './tokens';

/** Reads the archive only: indexes are the storage stage's job. */
@Module({})
export class ApiModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [MongoModule.forRoot(config.MONGODB_URI)],
      controllers: [ArticlesController, HealthController, OpenApiController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: CAPABILITIES, inject: [MONGO_CONNECTION], useFactory: (c: Connection) => detectCapabilities(c) },
        {
          provide: ArticleQueries,
          inject: [MONGO_CONNECTION, CAPABILITIES],
          useFactory: (c: Connection, caps: StoreCapabilities) => new ArticleQueries(c, caps),
        },
      ],
    };
  }
}
