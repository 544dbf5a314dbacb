import { createHash } from 'node:crypto';

/**
 * What the store remembers of a file's content, per source (`drop_files`,
 * `_id` = `dropFileKey`): `publishing` is written before the first item is
 * published, `published` once the broker acknowledged them all. A file
 * that cannot be ingested is not recorded: reading it is deterministic, so
 * it is judged the same way again, and an operator who fixes the source's
 * settings can drop it again.
 *
 * Every point a watcher can die at, for one file, and what the next holder
 * of the folder's lease then does:
 * 1. before the record is written (reading, hashing, parsing, or judging it
 *    failed): nothing was published; the file is still in the folder and is
 *    taken afresh;
 * 2. after `publishing` is written, before or while publishing: some items
 *    may be on the topic; the file is still there, its record says
 *    `publishing`, so it is parsed again with the recorded `receivedAt` and
 *    the same item ids (`dropItemId`) and published again: what a
 *    re-publish adds is the very records already sent (same key, id,
 *    version, content), which the deduplicator stores once. This is the
 *    only window in which a record can reach the topic twice, and then only
 *    as the same item (Kafka and the store share no transaction);
 * 3. after `published` is written, before the move: the record says so, so
 *    the file is moved without publishing anything;
 * 4. after the move into processed/ or failed/: done; the record stays, so
 *    the same content dropped again later is recognised (case 3) and not
 *    published again;
 * 5. between a move and writing its reason file: the file is filed without
 *    its reason (nothing lost; the reason is in the log, and for a partly
 *    refused file in the record).
 */
export type DropFileState = 'publishing' | 'published';

/** Why a file went to failed/, or which of its stories were refused (processed/ with a reason file). */
export interface DropReason {
  code: string;
  message: string;
  /** The stories refused one by one: the codes a push answers with. */
  items?: { index: number; code: string; reason: string }[];
}

export type DropStep =
  /** Nothing acknowledged yet (or not known to be): parse and publish, items stamped `receivedAt`. */
  | { step: 'publish'; receivedAt: Date }
  /** Everything was published before: only the move to processed/ is left (with the reason listing refused stories, if any). */
  | { step: 'move'; reason?: DropReason };

/** What to do with a complete file, given what the store remembers of its content. */
export function stepFor(record: { state: DropFileState; receivedAt: Date; reason?: DropReason } | null, now: Date): DropStep {
  if (!record) return { step: 'publish', receivedAt: now };
  if (record.state === 'published') return { step: 'move', ...(record.reason ? { reason: record.reason } : {}) };
  return { step: 'publish', receivedAt: record.receivedAt };
}

/** A file's record key: the same content dropped twice (or found again after a crash) is the same record. */
export function dropFileKey(sourceId: string, sha256: string): string {
  return `${sourceId}:${sha256}`;
}

export function contentHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The article id of a file's `index`th story: a UUID (version 8, RFC 9562's
 * custom layout) from source, content and position, so publishing a file
 * again gives every story the id it had (and a story without a uri the same
 * `urn:newswire:article:<id>`).
 */
export function dropItemId(sourceId: string, sha256: string, index: number): string {
  const bytes = createHash('sha256').update(`${sourceId}\n${sha256}\n${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A story of a file as the intake read it (or as its publish ended). */
export type ReadItem = { index: number; status: 'accepted' } | { index: number; status: 'rejected'; code: string; reason: string };

/**
 * Where a read file goes, by push's rules: refused whole when no story is
 * accepted (one story: its own code, as push answers; several:
 * `no_items_accepted`; none at all: `no_items`), else processed/, with a
 * reason listing the stories refused when some were.
 */
export function verdictOf(items: readonly ReadItem[]): { to: 'processed'; reason?: DropReason } | { to: 'failed'; reason: DropReason } {
  const rejected = items.flatMap((i) => (i.status === 'rejected' ? [{ index: i.index, code: i.code, reason: i.reason }] : []));
  if (items.length === 0) return { to: 'failed', reason: { code: 'no_items', message: 'the file holds no story' } };
  if (rejected.length === items.length) {
    if (items.length === 1) return { to: 'failed', reason: { code: rejected[0].code, message: rejected[0].reason, items: rejected } };
    return { to: 'failed', reason: { code: 'no_items_accepted', message: `none of the ${items.length} items could be accepted`, items: rejected } };
  }
  if (rejected.length === 0) return { to: 'processed' };
  return { to: 'processed', reason: { code: 'partial', message: `${rejected.length} of ${items.length} items could not be accepted`, items: rejected } };
}
