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
}

export const DEFAULT_LIMITS: ParseLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxDepth: 200,
  maxElements: 500_000,
  maxEntityRefs: 1_000_000,
};

export interface ParseOptions {
  limits?: Partial<ParseLimits>;
  contentType?: string;
}

export function resolveLimits(options?: ParseOptions): ParseLimits {
  return { ...DEFAULT_LIMITS, ...options?.limits };
}
