import { type DynamicModule, Module } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { Connection } from 'mongoose';
import { MongoDedupStore } from '@newswire/dedup-data';
import { MONGO_CONNECTION, MongoModule, storeOptionsFrom } from '@newswire/mongo';
import { ChunkDeduplicator } from './chunk-deduplicator';
import { type DeduplicatorConfig, dedupOptionsFrom } from './config';
import { DeduplicatorController } from './deduplicator.controller';

@Module({})
export class DeduplicatorModule {
  static forRoot(config: DeduplicatorConfig, tracer?: Tracer): DynamicModule {
    const options = dedupOptionsFrom(config);
    return {
      module: DeduplicatorModule,
      imports: [MongoModule.forRoot(config.MONGODB_URI, { service: 'deduplicator', ...storeOptionsFrom(config) })],
      controllers: [DeduplicatorController],
      providers: [
        {
          provide: ChunkDeduplicator,
          inject: [MONGO_CONNECTION],
          useFactory: (c: Connection) => new ChunkDeduplicator(new MongoDedupStore(c, { cacheBytes: config.DEDUP_CACHE_MB * 1024 * 1024 }, tracer), options),
        },
      ],
    };
  }
}
