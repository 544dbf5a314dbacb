import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { RateLimiter, type RegisteredSource, type SourceRegistry } from '@newswire/sources';
import { ApiError } from '../http-errors';
import { SOURCE_REGISTRY } from './tokens';

/**
 * Per-source token buckets, counted only for authenticated requests (so a
 * stranger cannot spend a source's allowance) and per ingester instance.
 */
@Injectable()
export class SourceRateLimits {
  private readonly limiter: RateLimiter;

  constructor(@Inject(SOURCE_REGISTRY) registry: SourceRegistry | null) {
    this.limiter = new RateLimiter((id) => registry?.get(id)?.rateLimit);
  }

  admit(source: RegisteredSource, nowMs = Date.now()): void {
    const admission = this.limiter.take(source.id, nowMs);
    if (admission.allowed) return;
    throw new ApiError(
      HttpStatus.TOO_MANY_REQUESTS,
      'rate_limited',
      `source ${source.id} is over its limit of ${source.rateLimit?.perMinute} requests per minute; retry after ${admission.retryAfterSeconds} s`,
      { retryAfterSeconds: admission.retryAfterSeconds },
      { 'Retry-After': String(admission.retryAfterSeconds) },
    );
  }
}
