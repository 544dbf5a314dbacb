import { Logger } from '@nestjs/common';
import { QueryTimeoutError, StoreUnavailableError } from '@newswire/archive-data';
import { type ApiError, type ErrorMapper, type ErrorResponse, errorResponseOf as platformErrorResponseOf, unavailable } from '@newswire/platform';

const logger = new Logger('api');

/** The driver's error behind ours, for the log. Duck-typed: Node's socket errors may come from another realm. */
function causeOf(err: Error): string {
  const cause = err.cause as { name?: unknown; message?: unknown } | undefined;
  return cause && typeof cause.message === 'string' ? `${String(cause.name ?? 'Error')}: ${cause.message}` : err.message;
}

/**
 * Store failures become 503 with a stable code and a generic message; their
 * detail (hosts, ports, driver text) goes to the log only.
 */
export const storeErrors: ErrorMapper = (exception): ApiError | undefined => {
  if (exception instanceof QueryTimeoutError) {
    logger.warn(`query stopped at its time limit (API_QUERY_MAX_TIME_MS): ${causeOf(exception)}`);
    return unavailable('query_timeout', 'the query took longer than this API allows; narrow it (a time range, fewer terms) or retry later');
  }
  if (exception instanceof StoreUnavailableError) {
    logger.error(`store unavailable: ${causeOf(exception)}`);
    return unavailable('store_unavailable', 'the archive is unavailable; retry later');
  }
  return undefined;
};

/** What the API answers for any failure. */
export function errorResponseOf(exception: unknown): ErrorResponse {
  return platformErrorResponseOf(exception, [storeErrors], logger);
}
