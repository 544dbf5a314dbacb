import { createHash } from 'node:crypto';

/** What makes one version of a feed item: the same id with the same content is the same item. */
export interface ItemIdentity {
  uri: string;
  version?: number;
  versionCreated?: string;
  headline?: string;
  bodyText?: string;
  pubStatus?: string;
}

/** A short, stable fingerprint of an item's id and content (a changed item gets a new one). */
export function itemFingerprint(item: ItemIdentity): string {
  const content = JSON.stringify([item.uri, item.version ?? null, item.versionCreated ?? null, item.headline ?? '', item.bodyText ?? '', item.pubStatus ?? null]);
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

/**
 * Which items of a fetched feed are new (never published, or changed since),
 * and the fingerprints to remember: the newest first, at most `bound`, so the
 * state stays one small document per source. Feeds list their latest items;
 * an item that dropped out of the remembered window and comes back is
 * published again, and the deduplicator then sees the same story and version
 * and stores nothing new.
 */
export function selectNewItems<T extends { fingerprint: string }>(seen: readonly string[], items: readonly T[], bound: number): { fresh: T[]; remember: string[] } {
  const known = new Set(seen);
  const fresh: T[] = [];
  const inFeed = new Set<string>();
  for (const item of items) {
    if (inFeed.has(item.fingerprint)) continue;
    inFeed.add(item.fingerprint);
    if (!known.has(item.fingerprint)) fresh.push(item);
  }
  const remember = [...inFeed, ...seen.filter((f) => !inFeed.has(f))].slice(0, bound);
  return { fresh, remember };
}
