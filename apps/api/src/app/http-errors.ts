import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@newswire/platform';

export { ApiError, rateLimited, unavailable } from '@newswire/platform';

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
