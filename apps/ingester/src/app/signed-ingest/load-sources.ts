import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError } from '@newswire/config';
import { InvalidSourcesFile, loadSourceRegistry, parseSourcesDocument, type SourceRegistry } from '@newswire/sources';
import type { IngesterConfig } from '../config';

/**
 * The source registry, read and checked once at start-up. Outside
 * development mode the ingester does not start unless at least one enabled
 * source can sign: otherwise it would accept nothing, or (worse) everything.
 * Undefined means unsigned development mode without a registry.
 */
export function loadSources(config: IngesterConfig, env: Record<string, string | undefined>): SourceRegistry | undefined {
  const fail = (problems: string[]) => new ConfigError('ingester', problems);
  if (!config.SOURCES_FILE) {
    if (config.NEWSWIRE_DEV_MODE) return undefined;
    throw fail(['SOURCES_FILE: required: the registry of sources allowed to push (or NEWSWIRE_DEV_MODE=true to accept unsigned requests)']);
  }
  const file = resolve(config.SOURCES_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw fail([`SOURCES_FILE: ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  let doc;
  try {
    doc = parseSourcesDocument(text, file);
  } catch (err) {
    if (err instanceof InvalidSourcesFile) throw fail(err.problems.map((p) => `SOURCES_FILE ${file}: ${p}`));
    throw err;
  }
  const { registry, problems } = loadSourceRegistry(doc, { env, readFile: (path) => readFileSync(path, 'utf8'), baseDir: dirname(file) });
  if (problems.length > 0) throw fail(problems.map((p) => `SOURCES_FILE ${file}: ${p}`));
  if (!config.NEWSWIRE_DEV_MODE && registry.pushEnabled().length === 0) {
    throw fail([`SOURCES_FILE ${file}: lists no enabled source with a push key, so nothing could be ingested`]);
  }
  return registry;
}
