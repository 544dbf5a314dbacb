import type { CanonicalArticle } from './article.schema';

/** What orders the versions of one story. */
export type Versioned = Pick<CanonicalArticle, 'version' | 'versionCreated'> & { source?: { receivedAt?: string } };

const VERSION_DIGITS = 10;
const TIME_DIGITS = 15;
const MAX_VERSION = 10 ** VERSION_DIGITS - 1;
const MAX_TIME = 10 ** TIME_DIGITS - 1;

/**
 * The one order of a story's versions, used by the deduplicator (which version is current) and by
 * storage (which text the archive serves), so they can never disagree:
 *
 * 1. the source's version number (a version without one counts as 0): an agency's own sequence is
 *    the most reliable order it gives, so a numbered version outranks an unnumbered one;
 * 2. then its `versionCreated`;
 * 3. a version carrying neither is timed by when we received it: a feed that updates an item in
 *    place without saying so (common in RSS) makes the later arrival current. A version that has a
 *    number or a time ignores its arrival, so a re-sent version 2 is still version 2, not newer.
 *
 * Returned as a fixed-width string, so one string comparison orders two versions, in code and in a
 * store filter (`rank: {$lt: ...}` inside one atomic upsert). Unparseable or negative times count
 * as 0; numbers and times beyond the width are clamped.
 */
export function versionRankOf(article: Versioned): string {
  const number = article.version ?? 0;
  const time = article.versionCreated ?? (article.version === undefined ? article.source?.receivedAt : undefined);
  return `${pad(number, VERSION_DIGITS, MAX_VERSION)}:${pad(millisOf(time), TIME_DIGITS, MAX_TIME)}`;
}

/** Negative when `a` is an older version than `b`, positive when newer, 0 when they rank the same. */
export function compareVersions(a: Versioned, b: Versioned): number {
  const ra = versionRankOf(a);
  const rb = versionRankOf(b);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}

/** How a version names itself in explanations ("version 3", "version of <time>", "received <time>"). */
export function describeVersion(article: Versioned): string {
  if (article.version !== undefined) return `version ${article.version}`;
  if (article.versionCreated) return `version of ${article.versionCreated}`;
  return article.source?.receivedAt ? `unversioned, received ${article.source.receivedAt}` : 'unversioned';
}

function millisOf(iso: string | undefined): number {
  const ms = iso ? Date.parse(iso) : 0;
  return Number.isFinite(ms) ? ms : 0;
}

function pad(value: number, digits: number, max: number): string {
  const clamped = Math.min(max, Math.max(0, Math.floor(value)));
  return String(clamped).padStart(digits, '0');
}
