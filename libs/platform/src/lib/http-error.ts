import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';

/** The JSON every HTTP refusal carries. */
export interface HttpErrorBody {
  statusCode: number;
  /** A stable, machine-readable code (snake_case). */
  error: string;
  message: string;
  details?: unknown;
}

/**
 * The one HTTP error type of every service: a status, a stable code, a
 * message for people, optional details, and the headers that belong to the
 * refusal (Retry-After, WWW-Authenticate).
 */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    message: string,
    details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) } satisfies HttpErrorBody, status);
  }
}

/** How long a client should wait after a 503 before trying again. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

/** 503 with a stable code and a message that names nothing internal (no host, port, URI or driver text). */
export function unavailable(code: string, message: string, retryAfterSeconds = RETRY_AFTER_UNAVAILABLE_SECONDS): ApiError {
  return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, code, message, undefined, { 'Retry-After': String(retryAfterSeconds) });
}

export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
}

export interface ErrorResponse {
  status: number;
  body: HttpErrorBody | object;
  headers: Record<string, string>;
}

/** Turns a service's own failure types (a store timeout, say) into an ApiError; undefined when not its kind. */
export type ErrorMapper = (exception: unknown) => ApiError | undefined;

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

/**
 * What the client sees for any failure: JSON `{statusCode, error, message}`.
 * Known failures keep their status, code and headers; anything unexpected is
 * a 500 that names nothing (the detail goes to the log).
 */
export function errorResponseOf(exception: unknown, mappers: readonly ErrorMapper[] = [], logger = new Logger('http')): ErrorResponse {
  for (const map of mappers) {
    const mapped = map(exception);
    if (mapped) return errorResponseOf(mapped);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const own = (exception as { headers?: Record<string, string> }).headers;
    const response = exception.getResponse();
    // Ours (ApiError, and recorded answers replayed as they were) carry their headers and their JSON body.
    if (own !== undefined && typeof response === 'object' && response !== null) return { status, body: response, headers: own };
    return { status, body: { statusCode: status, error: codeOf(status), message: messageOf(response, exception.message) }, headers: {} };
  }
  logger.error(`unexpected error: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
  return { status: 500, body: { statusCode: 500, error: 'internal_error', message: 'internal error' }, headers: {} };
}

/**
 * Global filter of every HTTP service: also sees Nest's not-found and
 * Express's own errors (Nest routes those through the global filters).
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(
    private readonly mappers: readonly ErrorMapper[] = [],
    private readonly logger = new Logger('http'),
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      headersSent: boolean;
      status(code: number): { json(body: unknown): void };
      setHeader(name: string, value: string): void;
    }>();
    const { status, body, headers } = errorResponseOf(exception, this.mappers, this.logger);
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(status).json(body);
  }
}
