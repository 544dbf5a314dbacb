import { createHash } from 'node:crypto';
import type { Principal, RateLimit } from './principal';
import type { Scope } from './scopes';

export interface TokenEntry {
  id: string;
  description: string;
  /** Lower-case hex SHA-256 of the token's UTF-8 bytes. */
  sha256: string;
  scopes: Scope[];
  rateLimit?: Partial<RateLimit>;
}

export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The configured tokens, keyed by the SHA-256 of the token. A presented
 * token is hashed and looked up, so no comparison ever runs over a secret
 * (nothing to time byte by byte) and the process never holds a token.
 */
export class TokenRegistry {
  private readonly byHash = new Map<string, Principal>();

  constructor(entries: readonly TokenEntry[], defaults: RateLimit) {
    for (const entry of entries) {
      this.byHash.set(entry.sha256.toLowerCase(), {
        id: entry.id,
        scopes: [...entry.scopes],
        rateLimit: { ...defaults, ...entry.rateLimit },
        anonymous: false,
      });
    }
  }

  get size(): number {
    return this.byHash.size;
  }

  authenticate(token: string): Principal | undefined {
    return this.byHash.get(sha256Hex(token));
  }
}
