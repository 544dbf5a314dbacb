import mongoose, { type Connection } from 'mongoose';
import { z } from 'zod';

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
});

/**
 * One connection per service. FerretDB ignores write concerns and has no
 * sessions, so nothing here relies on either.
 */
export async function connectMongo(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
    maxPoolSize: 20,
    autoIndex: false,
    autoCreate: false,
  });
  await connection.asPromise();
  return connection;
}

/** Replaces the database in a URI: each test and each deployment gets its own. */
export function withDatabase(uri: string, database: string): string {
  const url = new URL(uri);
  url.pathname = `/${database}`;
  return url.toString();
}
