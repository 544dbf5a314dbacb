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
});

/**
 * One connection per service. FerretDB ignores write concerns and has no
 * sessions, so nothing here relies on either.
 */
export async function connectMongo(uri: string, options: { slowMs?: number; service?: string } = {}): Promise<Connection> {
  const slowMs = options.slowMs ?? 0;
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
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
