import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import { rateLimited } from '../http-errors';
import { isOpen } from './decorators';
import { type ApiRequest, principalOf } from './principal';

/**
 * Two sliding windows per token (the library keeps a log of hit times, not
 * fixed buckets): `burst` requests in any second and `perMinute` in any
 * minute, each token's limits resolved from its own configuration.
 */
export const RATE_LIMIT_WINDOWS: ThrottlerOptions[] = [
  // blockDuration 0: a refused request is not counted, and the client may retry as soon as the window frees a slot.
  { name: 'burst', ttl: 1_000, limit: (context) => principalOf(context).rateLimit.burst, blockDuration: 0 },
  { name: 'minute', ttl: 60_000, limit: (context) => principalOf(context).rateLimit.perMinute, blockDuration: 0 },
];

/**
 * @nestjs/throttler keyed by token instead of by address and route: one
 * token's flood never spends another token's allowance, and a token's
 * allowance covers all routes together. Anonymous development-mode clients
 * are keyed by address.
 */
@Injectable()
export class TokenRateLimitGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return isOpen(this.reflector, context);
  }

  protected override async getTracker(request: ApiRequest): Promise<string> {
    const principal = request.principal;
    if (!principal) throw new Error('rate limit guard ran before the auth guard');
    return principal.anonymous ? `anonymous@${request.ip ?? 'unknown'}` : `token:${principal.id}`;
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const principal = principalOf(context);
    const who = principal.anonymous ? 'this address' : `token ${JSON.stringify(principal.id)}`;
    const window = detail.ttl >= 60_000 ? 'minute' : 'second';
    throw rateLimited(`rate limit exceeded: ${who} may make ${detail.limit} requests per ${window}`, Math.max(1, detail.timeToBlockExpire));
  }
}
