import { isInProgressName } from './file-names';

/** What a scan saw of one file. */
export interface FileSighting {
  name: string;
  size: number;
  mtimeMs: number;
}

/** A file the watcher is waiting on: the size and mtime it has shown since `unchangedSince`. */
export interface WatchedFile {
  size: number;
  mtimeMs: number;
  unchangedSince: number;
}

/**
 * One scan's judgement of a folder: a file is complete once its size and
 * mtime have been seen unchanged for `quietMs` (by this watcher's clock,
 * never the file server's, so clock skew between a share and the poller
 * does not matter). With `quietMs` 0 a file is complete when first seen:
 * for senders that write under an in-progress name and rename into place.
 * In-progress names are never complete. Files gone since the last scan are
 * forgotten; a restarted watcher waits one quiet period again (safe: it
 * only delays).
 */
export function observeFolder(previous: ReadonlyMap<string, WatchedFile>, listing: readonly FileSighting[], now: number, quietMs: number): { watched: Map<string, WatchedFile>; complete: string[] } {
  const watched = new Map<string, WatchedFile>();
  const complete: string[] = [];
  for (const file of listing) {
    if (isInProgressName(file.name)) continue;
    const before = previous.get(file.name);
    const unchangedSince = before && before.size === file.size && before.mtimeMs === file.mtimeMs ? before.unchangedSince : now;
    watched.set(file.name, { size: file.size, mtimeMs: file.mtimeMs, unchangedSince });
    if (now - unchangedSince >= quietMs) complete.push(file.name);
  }
  // Oldest first, so files are ingested roughly in the order they arrived.
  complete.sort((a, b) => watched.get(a)!.mtimeMs - watched.get(b)!.mtimeMs || (a < b ? -1 : a > b ? 1 : 0));
  return { watched, complete };
}
