import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** What became of one file: every item accepted, some, none, or a delivery the ingester had already taken. */
export interface FileOutcome {
  status: 'accepted' | 'partial' | 'refused' | 'duplicate';
  http: number;
  /** Items (stories) accepted and refused in the file. */
  accepted: number;
  refused: number;
  /** Refused items by the ingester's error code (`not_a_story`, `unsafe`, ...). */
  reasons: Record<string, number>;
  /** The answer's message when the whole file was refused. */
  message?: string;
}

export interface BackfillState {
  archive: string;
  files: Record<string, FileOutcome>;
}

export function defaultStatePath(archive: string): string {
  const hash = createHash('sha256').update(resolve(archive)).digest('hex').slice(0, 12);
  return resolve(`.newswire-backfill-${hash}.json`);
}

export function loadState(path: string, archive: string, restart: boolean): BackfillState {
  if (restart || !existsSync(path)) return { archive: resolve(archive), files: {} };
  const state = JSON.parse(readFileSync(path, 'utf8')) as BackfillState;
  if (state.archive !== resolve(archive)) throw new Error(`${path} belongs to ${state.archive}, not ${resolve(archive)}: give another --state or --restart`);
  return state;
}

/** Written after every file, atomically (a rename), so an interruption loses at most the file in flight. */
export function saveState(path: string, state: BackfillState): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}
