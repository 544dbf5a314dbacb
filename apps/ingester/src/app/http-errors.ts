import { HttpException } from '@nestjs/common';

export { ApiError } from '@newswire/platform';

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
