import { HttpException, HttpStatus } from '@nestjs/common';

/** Every refusal is JSON naming the problem, with a stable machine-readable code. */
export class ApiError extends HttpException {
  constructor(status: HttpStatus, code: string, message: string, details?: unknown) {
    super({ statusCode: status, error: code, message, ...(details === undefined ? {} : { details }) }, status);
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
