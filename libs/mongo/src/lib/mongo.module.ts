import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import { connectMongo, type StoreConnectionOptions } from './mongo';
import { StoreProbe } from './store-health';
import { freshStorePing, restartForWedge, StoreWedgeWatch } from './store-wedge';

export interface MongoModuleOptions extends StoreConnectionOptions {
  /** STORE_WEDGE_RESTART_S in ms; 0 turns the watch off. */
  wedgeRestartMs?: number;
}

/** Injection token of the service's one mongoose connection. */
export const MONGO_CONNECTION = Symbol('MONGO_CONNECTION');

/**
 * The connection every database-backed service opens and closes the same
 * way. It closes on application shutdown, which in a pure microservice runs
 * after the Kafka transport has drained, so no in-flight write loses it.
 * A StoreProbe pings it for readiness; a StoreWedgeWatch stops the process
 * when that connection stays broken although the store answers others.
 */
@Global()
@Module({})
export class MongoModule implements OnApplicationShutdown {
  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    @Inject(StoreProbe) private readonly probe: StoreProbe,
    @Inject(StoreWedgeWatch) private readonly wedge: StoreWedgeWatch,
  ) {}

  static forRoot(uri: string, options: MongoModuleOptions = {}): DynamicModule {
    return {
      module: MongoModule,
      providers: [
        { provide: MONGO_CONNECTION, useFactory: () => connectMongo(uri, options) },
        {
          provide: StoreProbe,
          inject: [MONGO_CONNECTION],
          useFactory: async (c: Connection) => {
            const probe = new StoreProbe(c);
            await probe.start();
            return probe;
          },
        },
        {
          provide: StoreWedgeWatch,
          inject: [StoreProbe],
          useFactory: (probe: StoreProbe) => {
            const watch = new StoreWedgeWatch(probe, () => freshStorePing(uri), restartForWedge(options.service ?? 'service'), options.wedgeRestartMs ?? 60_000);
            watch.start();
            return watch;
          },
        },
      ],
      exports: [MONGO_CONNECTION, StoreProbe],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.probe.stop();
    this.wedge.stop();
    await this.connection.close();
  }
}
