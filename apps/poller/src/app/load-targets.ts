import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@newswire/config';
import { InvalidSourcesFile, loadPollTargets, parseSourcesDocument, type PollTarget } from '@newswire/sources';

/**
 * The feeds to poll, read and checked once at start-up: a bad registry or a
 * credential that cannot be read stops start-up with ConfigError (exit 78),
 * naming the entry. A registry without a pulled feed is valid (nothing to do).
 */
export function loadTargets(sourcesFile: string, env: Record<string, string | undefined>): PollTarget[] {
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
  if (problems.length > 0) throw fail(problems);
  return targets;
}
