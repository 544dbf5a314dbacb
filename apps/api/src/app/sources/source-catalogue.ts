import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@newswire/config';
import { InvalidSourcesFile, parseSourcesDocument, sourceView, type SourceView } from '@newswire/sources';

/** The registry as the API lists it: read once at start-up, no secret ever loaded. */
export class SourceCatalogue {
  private readonly byId: ReadonlyMap<string, SourceView>;

  constructor(readonly sources: readonly SourceView[]) {
    this.byId = new Map(sources.map((s) => [s.id, s]));
  }

  get(id: string): SourceView | undefined {
    return this.byId.get(id);
  }
}

/**
 * The same file the ingester and the poller read (`SOURCES_FILE`), checked
 * the same way: a bad file stops start-up with ConfigError (exit 78),
 * naming the entry. Without the variable the catalogue is empty.
 */
export function sourceCatalogueFrom(sourcesFile: string | undefined): SourceCatalogue {
  if (!sourcesFile) return new SourceCatalogue([]);
  const file = resolve(sourcesFile);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('api', [`SOURCES_FILE: ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  try {
    return new SourceCatalogue(parseSourcesDocument(text, file).sources.map(sourceView));
  } catch (err) {
    if (err instanceof InvalidSourcesFile) throw new ConfigError('api', err.problems.map((p) => `SOURCES_FILE ${file}: ${p}`));
    throw err;
  }
}
