/**
 * Maximal runs of word characters found by character codes. The Unicode-class patterns these scans replace
 * (`\p{L}`, `\p{N}` in a global regex) cost about 20 ns a character, and every article was scanned several times.
 */
import { boundedMemo } from './memo';

/** A character's part in a run: it breaks runs, starts (and continues) one, or only continues one. */
export type RunRole = 0 | 1 | 2;
export const BREAKS: RunRole = 0;
export const STARTS: RunRole = 1;
export const CONTINUES: RunRole = 2;

/** Roles by table for ASCII, remembered for the rest (a text uses few distinct characters). */
export interface RunRoles {
  ascii: readonly RunRole[];
  of: (codePoint: number) => RunRole;
}

export function runRoles(roleOf: (codePoint: number) => RunRole): RunRoles {
  return { ascii: Array.from({ length: 128 }, (_, c) => roleOf(c)), of: boundedMemo(4096, roleOf) };
}

/** The runs as [start, end] offset pairs, flat: a run opens at a STARTS character and goes on over STARTS and CONTINUES ones. */
export function charRuns(text: string, roles: RunRoles): number[] {
  const spans: number[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const at = i;
    let code = text.charCodeAt(i);
    let role: RunRole;
    if (code < 0x80) role = roles.ascii[code];
    else {
      code = text.codePointAt(i) as number;
      if (code > 0xffff) i++;
      role = roles.of(code);
    }
    if (start >= 0) {
      if (role === BREAKS) {
        spans.push(start, at);
        start = -1;
      }
    } else if (role === STARTS) start = at;
  }
  if (start >= 0) spans.push(start, text.length);
  return spans;
}

/** The runs' texts. */
export function runTexts(text: string, roles: RunRoles): string[] {
  const spans = charRuns(text, roles);
  const out: string[] = new Array(spans.length / 2);
  for (let k = 0; k < spans.length; k += 2) out[k / 2] = text.slice(spans[k], spans[k + 1]);
  return out;
}

/** What `\s` matches, by code unit. */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
