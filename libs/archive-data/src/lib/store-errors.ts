import mongoose from 'mongoose';
import { isStoreUnavailable } from '@newswire/mongo';

/** A read ran past its `maxTimeMS` and the server stopped it (MongoDB and FerretDB both answer code 50). */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
}

/** The store did not answer (network, server selection, closed client): the query may succeed later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

const MAX_TIME_MS_EXPIRED = 50;
/**
 * FerretDB (v1.24, SQLite backend) answers code 50 when the deadline passes between its steps, but when it passes
 * inside a SQLite query the interrupted query comes back through the same maxTimeMS handler with another code
 * ("[msg_find.go:349 handler.handleMaxTimeMSError] [...] interrupted (9)"); seen in CI as a 500 for a timed-out list.
 */
const FERRETDB_MAX_TIME_HANDLER = /handleMaxTimeMSError/;

/**
 * Names what went wrong in terms a caller can act on, keeping the driver's
 * error (which may name hosts and ports) only as the cause, for the log.
 * What counts as "unavailable" is decided once, in @newswire/mongo.
 */
export function classifyStoreError(err: unknown): unknown {
  if (err instanceof mongoose.mongo.MongoServerError && (err.code === MAX_TIME_MS_EXPIRED || FERRETDB_MAX_TIME_HANDLER.test(err.message))) {
    return new QueryTimeoutError('the query exceeded its time limit', { cause: err });
  }
  if (isStoreUnavailable(err)) return new StoreUnavailableError('the store did not answer', { cause: err });
  return err;
}
