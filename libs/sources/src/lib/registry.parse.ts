import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { SourcesDocument } from './registry.schema';

/** Every problem in a sources file, each naming the entry it is about. */
export class InvalidSourcesFile extends Error {
  override readonly name = 'InvalidSourcesFile';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

/** Reads a sources document (YAML, or JSON when the name ends in .json) and validates it. */
export function parseSourcesDocument(text: string, file: string): SourcesDocument {
  let data: unknown;
  try {
    data = file.toLowerCase().endsWith('.json') ? JSON.parse(text) : parseYaml(text, { uniqueKeys: true });
  } catch (err) {
    throw new InvalidSourcesFile(file, [`not valid ${file.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`]);
  }
  const parsed = SourcesDocument.safeParse(data);
  if (!parsed.success) throw new InvalidSourcesFile(file, parsed.error.issues.map((issue) => describeIssue(issue, data)));
  return parsed.data;
}

/** `sources[2] "acme": push.keys[0]: give exactly one of secretEnv or secretFile` */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const [top, index, ...rest] = issue.path;
  if (top !== 'sources' || typeof index !== 'number') return `${formatPath(issue.path) || '(document)'}: ${issue.message}`;
  const entry = (data as { sources: unknown[] }).sources[index] as { id?: unknown } | undefined;
  const id = typeof entry?.id === 'string' ? ` "${entry.id}"` : '';
  return `sources[${index}]${id}${rest.length ? `: ${formatPath(rest)}` : ''}: ${issue.message}`;
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
