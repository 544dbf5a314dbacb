/**
 * The desk's sign-off under a story: the initials of writer and editors,
 * "dpa wsz jln npr" (dpa, lower case, spaced) or "hh/ph/ts/hd" (AFP, slashed; in
 * Arabic script AFP's initials may hold a space or a hyphen: "ففف/ح س/كام", "بور-ايم/جص").
 * Never part of the story's text.
 */
const SPACED = /^\p{Ll}[\p{Ll}-]{1,9}(?: [\p{Ll}\p{N}/]{1,8}){1,10}$/u;
const SLASHED = /^[\p{L}]{1,4}(?:\/[\p{L}]{1,4}){1,8}$/u;
const INITIALS = '[\\p{Lo}]{1,5}(?:[ -][\\p{Lo}]{1,5}){0,2}';
/** Initials in a script without case (Arabic, Hebrew...), where a space or hyphen can sit inside one desk's mark. */
const SLASHED_UNCASED = new RegExp(`^${INITIALS}(?:\\/${INITIALS}){1,8}$`, 'u');

export function isSignOff(line: string): boolean {
  const text = line.trim();
  return text.length <= 80 && (SPACED.test(text) || SLASHED.test(text) || (text.length <= 40 && SLASHED_UNCASED.test(text)));
}
