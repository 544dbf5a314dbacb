import mongoose from 'mongoose';

/** A read ran past its `maxTimeMS` and the server stopped it (MongoDB and FerretDB both answer code 50). */
export class QueryTimeoutError extends Error {
  override readonly name = 'QueryTimeoutError';
}

/** The store did not answer (network, server selection, closed client): the query may succeed later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

const MAX_TIME_MS_EXPIRED = 50;

const { mongo } = mongoose;
const UNAVAILABLE = [
  mongo.MongoNetworkError, // includes MongoNetworkTimeoutError
  mongo.MongoServerSelectionError,
  mongo.MongoNotConnectedError,
  mongo.MongoTopologyClosedError,
  mongo.MongoServerClosedError,
  mongo.MongoClientClosedError,
  mongoose.Error.MongooseServerSelectionError,
];

/**
 * Names what went wrong in terms a caller can act on, keeping the driver's
 * error (which may name hosts and ports) only as the cause, for the log.
 */
export function classifyStoreError(err: unknown): unknown {
  if (err instanceof mongo.MongoServerError && err.code === MAX_TIME_MS_EXPIRED) {
    return new QueryTimeoutError('the query exceeded its time limit', { cause: err });
  }
  if (UNAVAILABLE.some((type) => err instanceof type) || isBufferingTimeout(err) || isSocketError(err)) {
    return new StoreUnavailableError('the store did not answer', { cause: err });
  }
  return err;
}

/**
 * Node's own socket errors. The driver passes some through unwrapped: a
 * write to a connection the store closed fails with a plain Error, code
 * EPIPE ("This socket has been ended by the other party").
 */
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

function isSocketError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SOCKET_ERRORS.has(code);
}

/** Mongoose queues operations while disconnected and fails them after bufferTimeoutMS. */
function isBufferingTimeout(err: unknown): boolean {
  return err instanceof mongoose.Error && /buffering timed out/.test(err.message);
}
