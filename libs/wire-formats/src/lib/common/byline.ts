/** "By", "Von", "Par", ... in front of the names. */
const BY_PREFIX = /^(by|von|par|por|di|door)\s+/i;
/** "jane.doe@agency.com (Jane Doe)": RSS authors give the address, then the name. */
const EMAIL_WITH_NAME = /^\S+@\S+\s+\(([^)]+)\)$/;

/**
 * A login or handle rather than a person's name: "@newsdesk", "newsdesk_bot",
 * "degenhardt.sandra", "jdoe42", an e-mail address. Names have capitals and
 * spaces; accounts are one token joined by dots or underscores, or lower case
 * with digits ("dpa" or "AFP" alone is an agency credit, not an account).
 */
export function isAccountName(name: string): boolean {
  const text = name.trim();
  if (!text) return false;
  if (text.startsWith('@') || /^\S+@\S+\.\S+$/.test(text)) return true;
  // Desk initials ("gr/bp", "mex/ab/cd"), as EFE and AFP sign a story off: a routing mark, not a writer.
  if (/^\p{Ll}{1,5}(\/\p{Ll}{1,5})+$/u.test(text)) return true;
  if (/\s/.test(text)) return false;
  // "degenhardt.sandra" and "newsdesk_bot", not the initial "J." or "Inc."; "jdoe42", not the brand "L2inc".
  if (/_/.test(text) || /^[\p{L}\d-]{2,}(\.[\p{L}\d-]{2,})+$/u.test(text)) return true;
  if (/\d/.test(text) && text === text.toLowerCase()) return true;
  // "NewsBot", "wire-bot"; not "Talbot".
  return /(^|[-_.])bot$/i.test(text) || /[a-z]Bot$/.test(text);
}

/**
 * In fields an editorial system fills in (G2 creators, JSON bylines), a
 * lower-case name without a space is a login too ("load", "rademacher").
 */
export function isSystemAccount(name: string): boolean {
  const text = name.trim();
  return isAccountName(text) || (text.length > 0 && !/\s/.test(text) && text === text.toLowerCase() && /\p{Ll}/u.test(text));
}

/**
 * The people a byline names, or undefined when it names only accounts. Each
 * comma- or "and"-separated part is judged alone, so "Jane Doe, newsdesk_bot"
 * keeps Jane Doe. A byline that is not a list of names ("The Associated
 * Press", "dpa correspondents") is kept as written.
 */
export function personalByline(raw: string | undefined, options: { systemField?: boolean } = {}): string | undefined {
  const isAccount = options.systemField ? isSystemAccount : isAccountName;
  if (typeof raw !== 'string') return undefined;
  let text = raw.replace(/\s+/g, ' ').trim().replace(BY_PREFIX, '');
  const withName = EMAIL_WITH_NAME.exec(text);
  if (withName) text = withName[1].trim();
  if (!text) return undefined;
  const parts = text.split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&)\s*/i).filter(Boolean);
  const accounts = parts.filter(isAccount);
  if (accounts.length === 0) return text;
  const people = parts.filter((p) => !isAccount(p));
  return people.length > 0 ? people.join(', ') : undefined;
}
