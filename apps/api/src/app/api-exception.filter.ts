import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { QueryTimeoutError, StoreUnavailableError } from '@newswire/archive-data';
import { ApiError, unavailable } from './http-errors';

export interface ErrorResponse {
  status: number;
  body: { statusCode: number; error: string; message: string; details?: unknown };
  headers: Record<string, string>;
}

const logger = new Logger('api');

/** A stable code for Nest's and Express's own refusals (unknown route, undecodable path): 404 -> not_found. */
function codeOf(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name.toLowerCase() : `http_${status}`;
}

function messageOf(response: unknown, fallback: string): string {
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return fallback;
}

/** The driver's error behind ours, for the log. Duck-typed: Node's socket errors may come from another realm. */
function causeOf(err: Error): string {
  const cause = err.cause as { name?: unknown; message?: unknown } | undefined;
  return cause && typeof cause.message === 'string' ? `${String(cause.name ?? 'Error')}: ${cause.message}` : err.message;
}

/**
 * What the client sees for any failure: JSON `{statusCode, error, message}`.
 * Store failures become 503 with a stable code and a generic message; their
 * detail (hosts, ports, driver text) goes to the log only. Anything
 * unexpected is a 500 that names nothing.
 */
export function errorResponseOf(exception: unknown): ErrorResponse {
  if (exception instanceof ApiError) {
    return { status: exception.getStatus(), body: exception.getResponse() as ErrorResponse['body'], headers: exception.headers };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, body: { statusCode: status, error: codeOf(status), message: messageOf(exception.getResponse(), exception.message) }, headers: {} };
  }
  if (exception instanceof QueryTimeoutError) {
    logger.warn(`query stopped at its time limit (API_QUERY_MAX_TIME_MS): ${causeOf(exception)}`);
    return fromApiError(unavailable('query_timeout', 'the query took longer than this API allows; narrow it (a time range, fewer terms) or retry later'));
  }
  if (exception instanceof StoreUnavailableError) {
    logger.error(`store unavailable: ${causeOf(exception)}`);
    return fromApiError(unavailable('store_unavailable', 'the archive is unavailable; retry later'));
  }
  logger.error(`unexpected error: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
  return { status: 500, body: { statusCode: 500, error: 'internal_error', message: 'internal error' }, headers: {} };
}

function fromApiError(err: ApiError): ErrorResponse {
  return { status: err.getStatus(), body: err.getResponse() as ErrorResponse['body'], headers: err.headers };
}

/** Global: also sees Nest's not-found and Express's errors (Nest routes those through the global filters). */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      headersSent: boolean;
      status(code: number): { json(body: unknown): void };
      setHeader(name: string, value: string): void;
    }>();
    const { status, body, headers } = errorResponseOf(exception);
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}
