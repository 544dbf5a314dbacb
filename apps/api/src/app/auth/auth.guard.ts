import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_CONFIG, type ApiConfig } from '../config';
import { forbidden, unauthorized } from '../http-errors';
import { isOpen, requiredScope } from './decorators';
import type { ApiRequest, Principal } from './principal';
import { grants, type Scope } from './scopes';
import { TokenRegistry } from './token-registry';

/** Longer than any token we mint by far; anything longer is not a token and is not hashed. */
const MAX_TOKEN_LENGTH = 512;
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/**
 * Authenticates every request to a route not marked @Open() and checks the
 * route's scope. It runs before the rate-limit guard, which keys on the
 * principal it sets. Tokens are never logged or echoed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenRegistry) private readonly tokens: TokenRegistry,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (isOpen(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const principal = this.authenticate(request.headers.authorization);
    request.principal = principal;
    assertScope(principal, requiredScope(this.reflector, context), 'this endpoint');
    return true;
  }

  private authenticate(header: string | undefined): Principal {
    if (header === undefined || header.trim() === '') {
      if (this.config.NEWSWIRE_DEV_MODE) return this.anonymous();
      throw unauthorized('a bearer token is required: send Authorization: Bearer <token>', false);
    }
    const match = header.length <= MAX_TOKEN_LENGTH + 16 ? BEARER.exec(header) : null;
    const principal = match ? this.tokens.authenticate(match[1]) : undefined;
    if (!principal) throw unauthorized('the bearer token is not valid', true);
    return principal;
  }

  /** Development mode only: a client without a token reads as `public`, rate-limited per address. */
  private anonymous(): Principal {
    return {
      id: 'anonymous',
      scopes: ['public'],
      rateLimit: { perMinute: this.config.API_RATE_LIMIT_PER_MINUTE, burst: this.config.API_RATE_LIMIT_BURST },
      anonymous: true,
    };
  }
}

/** 403 unless the principal holds the scope; `what` names the endpoint or parameter that needs it. */
export function assertScope(principal: Principal, needed: Scope, what: string): void {
  if (grants(principal.scopes, needed)) return;
  const who = principal.anonymous ? 'a request without a token' : `token ${JSON.stringify(principal.id)}`;
  throw forbidden(`${what} needs the ${needed} scope; ${who} has ${principal.scopes.join(', ')}`, needed);
}
