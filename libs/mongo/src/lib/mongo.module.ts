import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { connectMongo } from './mongo';
import { StoreProbe } from './store-health';

/** Injection token of the service's one mongoose connection. */
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');

/**
 * The connection every database-backed service opens and closes the same
 * way. It closes on application shutdown, which in a pure microservice runs
 * after the Kafka transport has drained, so no in-flight write loses it.
 * A StoreProbe pings it for readiness.
 */
@Global()
@Module({})
export class MongoModule implements OnApplicationShutdown {
  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(StoreProbe) private readonly probe: StoreProbe,
  ) {}

  static forRoot(uri: string): DynamicModule {
    return {
      module: MongoModule,
      providers: [
        { provide: MONGO_CONNECTION, useFactory: () => connectMongo(uri) },
        {
          provide: StoreProbe,
          inject: [MONGO_CONNECTION],
          useFactory: async (c: Connection) => {
            const probe = new StoreProbe(c);
            await probe.start();
            return probe;
          },
        },
      ],
      exports: [MONGO_CONNECTION, StoreProbe],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.probe.stop();
    await this.connection.close();
  }
}
