import { readFileSync } from 'node:fs';
import { durationSeconds, parseSourcesDocument } from '@newswire/sources';
import type { WatchedSource } from '@newswire/feed-health';

/**
 * Every enabled source of the registry, pushed, pulled or dropped, with its
 * expected cadence. The file was already checked by loadTargets (a bad one
 * stopped start-up); no secret is read here.
 */
export function watchedSourcesOf(sourcesFile: string): WatchedSource[] {
  return parseSourcesDocument(readFileSync(sourcesFile, 'utf8'), sourcesFile)
    .sources.filter((s) => s.enabled)
    .map((s) => ({ id: s.id, ...(s.expectedCadence ? { expectedCadenceSeconds: durationSeconds(s.expectedCadence) } : {}) }));
}
