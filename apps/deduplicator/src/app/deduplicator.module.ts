import { type DynamicModule, Module } from '@nestjs/common';
import type { Tracer } from '@opentelemetry/api';
import type { Connection } from 'mongoose';
import { BandRepository, ContentHashRepository, FingerprintRepository, NearIndex, StoryRepository, VerdictRepository } from '@newswire/dedup-data';
import { MONGO_CONNECTION, MongoModule } from '@newswire/mongo';
import { type DeduplicatorConfig, dedupOptionsFrom } from './config';
import { DedupService } from './dedup.service';
import { DeduplicatorController } from './deduplicator.controller';

@Module({})
export class DeduplicatorModule {
  static forRoot(config: DeduplicatorConfig, tracer?: Tracer): DynamicModule {
    const options = dedupOptionsFrom(config);
    return {
      module: DeduplicatorModule,
      imports: [MongoModule.forRoot(config.MONGODB_URI)],
      controllers: [DeduplicatorController],
      providers: [
        {
          provide: DedupService,
          inject: [MONGO_CONNECTION],
          useFactory: (c: Connection) => {
            const fingerprints = new FingerprintRepository(c, tracer);
            return new DedupService(
              {
                stories: new StoryRepository(c, tracer),
                hashes: new ContentHashRepository(c, tracer),
                fingerprints,
                verdicts: new VerdictRepository(c, tracer),
                near: new NearIndex(new BandRepository(c, tracer), fingerprints, options),
              },
              options,
            );
          },
        },
      ],
    };
  }
}
