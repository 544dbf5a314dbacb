import { HttpException, HttpStatus } from '@nestjs/common';

/** Every refusal is JSON naming the problem, with a stable machine-readable code. */
export class ApiError extends HttpException {
  /** Response headers that belong to this refusal (WWW-Authenticate, Retry-After); the exception filter sends them. */
  readonly headers: Record<string, string>;

  constructor(status: HttpStatus, code: string, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) }, status);
    this.headers = headers;
  }
}

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export function badParameters(problems: ParameterProblem[]): ApiError {
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    'invalid_parameter',
    problems.map((p) => `${p.parameter}: ${p.message}`).join('; '),
    { parameters: problems },
  );
}

const REALM = 'realm="newswire"';

/** 401: no usable token. RFC 6750: the challenge says Bearer, and `invalid_token` when one was sent. */
export function unauthorized(message: string, tokenSent: boolean): ApiError {
  const challenge = tokenSent ? `Bearer ${REALM}, error="invalid_token"` : `Bearer ${REALM}`;
  return new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', message, undefined, { 'WWW-Authenticate': challenge });
}

/** 403: a valid token without the scope the request needs. */
export function forbidden(message: string, requiredScope: string): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message, { requiredScope }, {
    'WWW-Authenticate': `Bearer ${REALM}, error="insufficient_scope", scope="${requiredScope}"`,
  });
}

export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(HttpStatus.TOO_MANY_REQUESTS, 'rate_limited', message, { retryAfterSeconds }, { 'Retry-After': String(retryAfterSeconds) });
}

/** How long a client should wait after a 503 before trying again. */
export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

/** 503 with a stable code and a message that names nothing internal (no host, port, URI or driver text). */
export function unavailable(code: string, message: string): ApiError {
  return new ApiError(HttpStatus.SERVICE_UNAVAILABLE, code, message, undefined, { 'Retry-After': String(RETRY_AFTER_UNAVAILABLE_SECONDS) });
}
