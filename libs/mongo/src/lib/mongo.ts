import mongoose, { type Connection } from 'mongoose';
import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { watchSlowCommands } from './slow-commands';

export const MongoEnv = z.object({
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
    .default('mongodb://127.0.0.1:27017/newswire'),
  /**
   * Seconds the service's store connection may fail while a fresh client reaches the store
   * before the service stops to be restarted (see StoreWedgeWatch); 0 turns the watch off.
   */
  STORE_WEDGE_RESTART_S: z.coerce.number().int().min(0).default(60),
  /**
   * Store commands slower than this many ms are logged (command, collection and the filter's field names,
   * never values); 0, the default, turns the log and the driver's command monitoring off. Off by default:
   * with monitoring on, CI's store-down fault case twice left a service waiting on a store command that was
   * never answered after the store came back (2 of 5 runs this session; it passed in every earlier CI run), cause not found.
   */
  STORE_SLOW_MS: z.coerce.number().int().min(0).default(0),
  /**
   * The longest a store command waits for its reply, and for a pooled connection to send it on, before it
   * fails as a store outage (retried like one); 0 waits forever, the driver's own default. Without a bound, a
   * command sent on a connection whose peer vanished without closing it (a store host or container gone,
   * a network path dropped) is never answered and holds the stage that sent it. A minute is far above any
   * command of the stages; a first index build over a large existing archive may need more (or 0).
   */
  STORE_REPLY_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
});

/** The connection settings of MongoEnv, as connectMongo and MongoModule take them. */
export function storeOptionsFrom(env: Pick<z.infer<typeof MongoEnv>, 'STORE_WEDGE_RESTART_S' | 'STORE_SLOW_MS' | 'STORE_REPLY_TIMEOUT_MS'>) {
  return { wedgeRestartMs: env.STORE_WEDGE_RESTART_S * 1000, slowMs: env.STORE_SLOW_MS, replyTimeoutMs: env.STORE_REPLY_TIMEOUT_MS };
}

export interface StoreConnectionOptions {
  /** STORE_SLOW_MS: store commands slower than this are logged; 0 or absent: not. */
  slowMs?: number;
  /** STORE_REPLY_TIMEOUT_MS; 0 waits forever; absent: MongoEnv's default. */
  replyTimeoutMs?: number;
  /** Who is speaking in log lines. */
  service?: string;
}

/**
 * One connection per service. FerretDB ignores write concerns and has no
 * sessions, so nothing here relies on either.
 */
export async function connectMongo(uri: string, options: StoreConnectionOptions = {}): Promise<Connection> {
  const slowMs = options.slowMs ?? 0;
  const replyTimeoutMs = options.replyTimeoutMs ?? MongoEnv.shape.STORE_REPLY_TIMEOUT_MS.parse(undefined);
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
    // The driver arms the socket timeout only while a command waits for its reply, so idle pooled
    // connections are not closed by it; a timed-out connection is closed and the command fails.
    socketTimeoutMS: replyTimeoutMs,
    waitQueueTimeoutMS: replyTimeoutMs,
    maxPoolSize: 20,
    autoIndex: false,
    autoCreate: false,
    // Command events cost a little per command: only when slow commands are reported.
    monitorCommands: slowMs > 0,
  });
  await connection.asPromise();
  if (slowMs > 0) {
    const logger = new Logger(`${options.service ?? 'service'}:store`);
    watchSlowCommands(connection.getClient(), slowMs, (slow) =>
      logger.warn(`slow store command: ${slow.command} ${slow.collection} took ${Math.round(slow.ms)} ms${slow.failed ? ' (failed)' : ''}, selector ${slow.shape || '-'}`),
    );
  }
  return connection;
}

/** Replaces the database in a URI: each test and each deployment gets its own. */
export function withDatabase(uri: string, database: string): string {
  const url = new URL(uri);
  url.pathname = `/${database}`;
  return url.toString();
}
