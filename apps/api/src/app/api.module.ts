import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ArticleQueries, detectCapabilities, type StoreCapabilities } from '@newswire/archive-data';
import { connectMongo } from '@newswire/mongo';
import { ArticlesController } from './articles.controller';
import { API_CONFIG, type ApiConfig } from './config';
import { HealthController } from './health.controller';
import { OpenApiController } from './openapi.controller';
import { CAPABILITIES, MONGO } from './tokens';

/** Reads the archive only: indexes are the storage stage's job. */
@Module({})
export class ApiModule implements OnApplicationShutdown {
  constructor(@Inject(MONGO) private readonly connection: Connection) {}

  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: ApiModule,
      controllers: [ArticlesController, HealthController, OpenApiController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: MONGO, useFactory: () => connectMongo(config.MONGODB_URI) },
        { provide: CAPABILITIES, inject: [MONGO], useFactory: (c: Connection) => detectCapabilities(c) },
        {
          provide: ArticleQueries,
          inject: [MONGO, CAPABILITIES],
          useFactory: (c: Connection, caps: StoreCapabilities) => new ArticleQueries(c, caps),
        },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
