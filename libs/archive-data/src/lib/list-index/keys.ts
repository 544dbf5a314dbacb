import { createHash } from 'node:crypto';

/**
 * The keys of the list index (collection `article_index`, FerretDB only; see list-index.ts).
 *
 * Every key is a plain ASCII string (`[0-9a-z~-]`): FerretDB's patched SQLite backend orders `_id`
 * ranges by the `_id`'s JSON text, which is its string order only for strings JSON does not escape.
 *
 * A story's *position* is where it sits in every list: its first-stored instant in milliseconds
 * (9 base-36 digits, fixed width, so text order is time order) followed by 8 hex digits of a hash
 * of its story key (two stories stored in the same millisecond get distinct positions). It never
 * changes, as `storedAt` never does. Positions order like (storedAt, hash); the API's order is
 * (storedAt, story key), so ties within one millisecond are settled after the keys are known.
 */
export const POSITION_LENGTH = 17;
const MS_DIGITS = 9;
/** 36^9 - 1 ms: year 5188. */
export const MAX_POSITION_MS = 36 ** MS_DIGITS - 1;

export function msPart(ms: number): string {
  return Math.min(Math.max(0, Math.floor(ms)), MAX_POSITION_MS).toString(36).padStart(MS_DIGITS, '0');
}

export function positionOf(storyKey: string, storedAt: Date): string {
  return msPart(storedAt.getTime()) + createHash('sha1').update(storyKey).digest('hex').slice(0, 8);
}

export function msOfPosition(position: string): number {
  return parseInt(position.slice(0, MS_DIGITS), 36);
}

/** What a list is made of: one value of one filterable field. */
export const LIST_FIELDS = {
  person: 'pe',
  organisation: 'or',
  place: 'pl',
  subject: 'su',
  source: 'so',
  provider: 'pr',
  publisher: 'pu',
  language: 'la',
  cluster: 'cl',
  status: 'st',
  term: 'te',
} as const;
export type ListField = keyof typeof LIST_FIELDS;

/**
 * cyrb53 (a public-domain 53-bit string hash): a story is in hundreds of lists, so this runs
 * hundreds of times per story, where a cryptographic hash would cost a millisecond.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A list's id: the field's code and a hash of the exact value (values are arbitrary text; the hash
 * keeps keys plain and short). Two values sharing a hash only add candidates that the check
 * against the stored story removes.
 */
export function listId(field: ListField, value: string): string {
  let recent = recentIds.get(field);
  if (!recent) recentIds.set(field, (recent = new Map()));
  let id = recent.get(value);
  if (id === undefined) {
    id = `${LIST_FIELDS[field]}-${hash53(value).toString(36).padStart(11, '0')}`;
    // A story has hundreds of search terms and most recur across stories: storage spent 7% of its CPU here.
    if (recent.size >= RECENT_IDS) recent.clear();
    recent.set(value, id);
  }
  return id;
}

/** Ids of recently seen values per field, cleared when full (a bounded memo, not an LRU: clearing is cheaper than ordering). */
const RECENT_IDS = 50_000;
const recentIds = new Map<ListField, Map<string, string>>();

/** Registry: position -> story keys. One per story; it is also the list of every story. */
export const REGISTRY_PREFIX = 'a~';
/** Recent postings, as the storage stage writes them: one document per bucket of lists per batch. */
export const HOT_PREFIX = 'h~';
/** Compacted postings: per list and week, in blocks of at most COLD_BLOCK_SIZE. */
export const COLD_PREFIX = 'c~';
export const READY_ID = 'm~ready';

/** Hot documents hold lists hashed into this many buckets, so a batch writes at most this many. */
export const HOT_BUCKETS = 64;
/** A hot document's positions lie within one hour, a cold block's within one week. */
export const HOT_SPAN_MS = 3_600_000;
export const COLD_SPAN_MS = 7 * 86_400_000;
export const COLD_BLOCK_SIZE = 2048;

export function registryKey(position: string): string {
  return REGISTRY_PREFIX + position;
}

export function hotBucketOf(list: string): string {
  return (hash53(list) % HOT_BUCKETS).toString(36).padStart(2, '0');
}

export function hotPrefix(bucket: string): string {
  return `${HOT_PREFIX}${bucket}~`;
}

export function coldPrefix(list: string): string {
  return `${COLD_PREFIX}${list}~`;
}

/** A block key: prefix, its newest position, and a random tag so no writer ever replaces another's block. */
export function blockKey(prefix: string, maxPosition: string, tag: string): string {
  return `${prefix}${maxPosition}~${tag}`;
}

export function maxPositionOfKey(prefix: string, key: string): string {
  return key.slice(prefix.length, prefix.length + POSITION_LENGTH);
}

/** The start of the span (hour, week) a millisecond falls in. */
export function spanStart(ms: number, spanMs: number): number {
  return Math.floor(ms / spanMs) * spanMs;
}

/** Text after every key with this prefix: `~` sorts after every digit and letter. */
export const AFTER = '~';
