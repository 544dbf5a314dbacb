import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { BandRepository, ContentHashRepository, FingerprintRepository, NearIndex, StoryRepository, VerdictRepository } from '@newswire/dedup-data';
import { connectMongo } from '@newswire/mongo';
import { type DeduplicatorConfig, dedupOptionsFrom } from './config';
import { DedupService } from './dedup.service';
import { DeduplicatorController } from './deduplicator.controller';

const MONGO = Symbol('MONGO');

@Module({})
export class DeduplicatorModule implements OnApplicationShutdown {
  constructor(@Inject(MONGO) private readonly connection: Connection) {}

  static forRoot(config: DeduplicatorConfig): DynamicModule {
    const options = dedupOptionsFrom(config);
    return {
      module: DeduplicatorModule,
      controllers: [DeduplicatorController],
      providers: [
        { provide: MONGO, useFactory: () => connectMongo(config.MONGODB_URI) },
        {
          provide: DedupService,
          inject: [MONGO],
          useFactory: (c: Connection) =>
            new DedupService(
              {
                stories: new StoryRepository(c),
                hashes: new ContentHashRepository(c),
                fingerprints: new FingerprintRepository(c),
                verdicts: new VerdictRepository(c),
                near: new NearIndex(new BandRepository(c), new FingerprintRepository(c), options),
              },
              options,
            ),
        },
      ],
    };
  }

  // Runs after the Kafka server has drained (pure microservice): no in-flight write loses its connection.
  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
