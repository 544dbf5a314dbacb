import { isAbsolute, resolve } from 'node:path';
import type { DropFolderChannel, SourcesDocument } from './registry.schema';

/** A registered drop folder, as the poller's watcher needs it. */
export interface DropTarget {
  sourceId: string;
  provider?: string;
  language?: string;
  /** How to read its files; without it, each file's extension says. */
  format?: string;
  /** `path` made absolute (a relative one is read from the registry's folder). */
  dropFolder: DropFolderChannel;
}

/**
 * Every enabled source's drop folder. Nothing secret is read: a folder
 * needs no credential of ours. Two sources may not share a folder: each
 * would take the other's files under its own name (the lease is per source).
 */
export function loadDropTargets(doc: SourcesDocument, baseDir: string): { targets: DropTarget[]; problems: string[] } {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  const targets = doc.sources.flatMap((entry, index): DropTarget[] => {
    if (!entry.enabled || !entry.dropFolder) return [];
    const path = isAbsolute(entry.dropFolder.path) ? resolve(entry.dropFolder.path) : resolve(baseDir, entry.dropFolder.path);
    const owner = owners.get(path);
    if (owner !== undefined) {
      problems.push(`sources[${index}] "${entry.id}": dropFolder.path: ${path} is already the drop folder of "${owner}"`);
      return [];
    }
    owners.set(path, entry.id);
    return [
      {
        sourceId: entry.id,
        ...(entry.provider === undefined ? {} : { provider: entry.provider }),
        ...(entry.language === undefined ? {} : { language: entry.language }),
        ...(entry.format === undefined ? {} : { format: entry.format }),
        dropFolder: { ...entry.dropFolder, path },
      },
    ];
  });
  return { targets, problems };
}
