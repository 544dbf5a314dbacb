import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@newswire/config';
import { type DropTarget, InvalidSourcesFile, loadDropTargets, loadPollTargets, parseSourcesDocument, type PollTarget } from '@newswire/sources';

/**
 * The feeds to poll and the folders to watch, read and checked once at
 * start-up: a bad registry or a credential that cannot be read stops
 * start-up with ConfigError (exit 78), naming the entry. A registry without
 * either is valid (nothing to do). A drop folder that cannot be read is not
 * a start-up error (a share may be mounted later): the watcher logs and counts it.
 */
export function loadTargets(sourcesFile: string, env: Record<string, string | undefined>): { feeds: PollTarget[]; drops: DropTarget[] } {
  const file = resolve(sourcesFile);
  const fail = (problems: string[]) => new ConfigError('poller', problems.map((p) => `SOURCES_FILE ${file}: ${p}`));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('poller', [`SOURCES_FILE: ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  let doc;
  try {
    doc = parseSourcesDocument(text, file);
  } catch (err) {
    if (err instanceof InvalidSourcesFile) throw fail(err.problems);
    throw err;
  }
  const { targets, problems } = loadPollTargets(doc, { env, readFile: (path) => readFileSync(path, 'utf8'), baseDir: dirname(file) });
  const drops = loadDropTargets(doc, dirname(file));
  if (problems.length + drops.problems.length > 0) throw fail([...problems, ...drops.problems]);
  return { feeds: targets, drops: drops.targets };
}
