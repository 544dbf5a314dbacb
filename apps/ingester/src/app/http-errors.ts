import { HttpException, HttpStatus } from '@nestjs/common';

/** Every refusal is JSON naming the problem, with a stable machine-readable code. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, details?: unknown) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) }, status);
  }
}
