/**
 * The desk's sign-off under a story: the initials of writer and editors,
 * "dpa wsz jln npr" (dpa, lower case, spaced) or "hh/ph/ts/hd" (AFP, slashed).
 * Never part of the story's text.
 */
const SPACED = /^\p{Ll}[\p{Ll}-]{1,9}(?: [\p{Ll}\p{N}/]{1,8}){1,10}$/u;
const SLASHED = /^[\p{L}]{1,4}(?:\/[\p{L}]{1,4}){1,8}$/u;

export function isSignOff(line: string): boolean {
  const text = line.trim();
  return text.length <= 80 && (SPACED.test(text) || SLASHED.test(text));
}
