import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Scope } from './scopes';

export interface RateLimit {
  /** Requests in any sliding 60 s. */
  perMinute: number;
  /** Requests in any sliding 1 s. */
  burst: number;
}

/** Who is asking: a configured token, or (development mode only) an anonymous client. */
export interface Principal {
  id: string;
  scopes: readonly Scope[];
  rateLimit: RateLimit;
  anonymous: boolean;
}

/** The request as the guards see it; the auth guard sets `principal`. */
export interface ApiRequest {
  headers: IncomingHttpHeaders;
  ip?: string;
  principal?: Principal;
}

export function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<ApiRequest>().principal;
  // Only reachable if a guarded route ran without the auth guard: a wiring bug, not a client error.
  if (!principal) throw new Error('no principal on the request: the auth guard did not run');
  return principal;
}

/** The caller of a guarded route, for decisions that depend on parameters (`includeKilled=true`). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext) => principalOf(context));
