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
    /** Headers the answer carries (Retry-After, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
  ) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) }, status);
  }
}

/** A recorded answer sent again, as it was first given, to a repeated delivery. */
export class ReplayedAnswer extends HttpException {
  constructor(
    status: number,
    body: object,
    readonly headers: Record<string, string>,
  ) {
    super(body, status);
  }
}

/** Nest's own filter, plus the headers an ApiError or ReplayedAnswer carries. */
@Catch()
export class ApiErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof ApiError || exception instanceof ReplayedAnswer) {
      const res = host.switchToHttp().getResponse<Response>();
      if (!res.headersSent) res.set(exception.headers);
    }
    super.catch(exception, host);
  }
}
