import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { ContentHashRepository } from '@newswire/dedup-data';
import { connectMongo } from '@newswire/mongo';
import type { DeduplicatorConfig } from './config';
import { DeduplicatorController } from './deduplicator.controller';

const MONGO = Symbol('MONGO');

@Module({})
export class DeduplicatorModule implements OnApplicationShutdown {
  constructor(@Inject(MONGO) private readonly connection: Connection) {}

  static forRoot(config: DeduplicatorConfig): DynamicModule {
    return {
      module: DeduplicatorModule,
      controllers: [DeduplicatorController],
      providers: [
        { provide: MONGO, useFactory: () => connectMongo(config.MONGODB_URI) },
        { provide: ContentHashRepository, inject: [MONGO], useFactory: (c: Connection) => new ContentHashRepository(c) },
      ],
    };
  }

  // Runs after the Kafka server has drained (pure microservice): no in-flight write loses its connection.
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
