import { type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { Scope } from './scopes';

const OPEN = 'newswire:open';
const REQUIRED_SCOPE = 'newswire:required-scope';

/** A route anyone may call without a token (health probes, the OpenAPI document). Everything else needs one. */
export const Open = () => SetMetadata(OPEN, true);

/** The scope a route needs; routes without this need `public`. */
export const RequireScope = (scope: Scope) => SetMetadata(REQUIRED_SCOPE, scope);

export function isOpen(reflector: Reflector, context: ExecutionContext): boolean {
  return reflector.getAllAndOverride<boolean>(OPEN, [context.getHandler(), context.getClass()]) === true;
}

export function requiredScope(reflector: Reflector, context: ExecutionContext): Scope {
  return reflector.getAllAndOverride<Scope>(REQUIRED_SCOPE, [context.getHandler(), context.getClass()]) ?? 'public';
}
