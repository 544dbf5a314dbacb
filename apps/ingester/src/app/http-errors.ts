import { type ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

/** Every refusal is JSON naming the problem, with a stable machine-readable code. */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    code: string,
    message: string,
    details?: unknown,
    /** Sent as Retry-After: when a retry may succeed (503, 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) }, status);
  }
}

/** Adds Retry-After to the refusals that carry one; Nest renders the body as usual. */
@Catch(ApiError)
export class ApiErrorFilter extends BaseExceptionFilter {
  override catch(exception: ApiError, host: ArgumentsHost): void {
    if (exception.retryAfterSeconds !== undefined) host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(exception.retryAfterSeconds));
    super.catch(exception, host);
  }
}
