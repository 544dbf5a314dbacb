import { ParseRejection } from './types';

/**
 * Bounds on what one document may cost. They are checked before the real
 * parser runs, so a hostile file is refused in time linear in its size.
 */
export interface ParseLimits {
  /** Largest accepted document, in bytes (or UTF-16 units for strings). */
  maxBytes: number;
  /** Deepest element nesting accepted in XML. */
  maxDepth: number;
  /** Most elements accepted in one XML document. */
  maxElements: number;
  /** Most character/entity references decoded in one document. */
  maxEntityRefs: number;
  /** Most items (stories, entries) in one document; more and the whole document is refused. */
  maxItems: number;
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 200,
  maxElements: 500_000,
  maxEntityRefs: 1_000_000,
  maxItems: 1000,
};

export interface ParseOptions {
  limits?: Partial<ParseLimits>;
  contentType?: string;
}

export function resolveLimits(options?: ParseOptions): ParseLimits {
  return { ...DEFAULT_LIMITS, ...options?.limits };
}

/**
 * A document with more items than the limit is refused whole, before any item
 * is read: dropping the tail silently would lose stories without telling anyone.
 */
export function checkItemCount(count: number, limits: ParseLimits): void {
  if (count > limits.maxItems) {
    throw new ParseRejection('too-many-items', `the document has ${count} items; at most ${limits.maxItems} are accepted in one document`, {
      count,
      limit: limits.maxItems,
    });
  }
}
