import type { ParseLimits } from './limits';
import { ParseRejection } from './types';

/**
 * True when arrays and objects nest deeper than `maxDepth`. One pass that
 * skips string contents, so a bracket inside a string does not count. V8's
 * JSON.parse copes with any depth, but every recursive walk after it
 * (readers, JSON.stringify on the way to Kafka) would overflow the stack.
 */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}

/** Refuses over-deep JSON before parsing it; a syntax error is 'malformed'. */
export function parseJsonSafely(text: string, limits: ParseLimits): unknown {
  if (jsonNestsDeeperThan(text, limits.maxDepth)) {
    throw new ParseRejection('too-large', `JSON nested deeper than ${limits.maxDepth} levels`, { maxDepth: limits.maxDepth });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ParseRejection('malformed', `not valid JSON: ${(error as Error).message.slice(0, 160)}`);
  }
}
