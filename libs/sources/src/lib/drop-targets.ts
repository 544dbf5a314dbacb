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

/** Every enabled source's drop folder. Nothing secret is read: a folder needs no credential of ours. */
export function loadDropTargets(doc: SourcesDocument, baseDir: string): DropTarget[] {
  return doc.sources.flatMap((entry): DropTarget[] => {
    if (!entry.enabled || !entry.dropFolder) return [];
    const path = isAbsolute(entry.dropFolder.path) ? entry.dropFolder.path : resolve(baseDir, entry.dropFolder.path);
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
}
