import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface CorpusFile {
  path: string;
  /** First folder under the corpus root ("rss", "malicious"), or "." for top-level files. */
  group: string;
  name: string;
  body: Buffer;
}

const SKIP = /\.(md|markdown|license)$|^(license|readme)/i;

/** Every file below a folder, sorted for stable output; documentation files are skipped. */
export function readCorpus(root: string): CorpusFile[] {
  const out: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (!SKIP.test(entry)) {
        const rel = relative(root, full);
        out.push({ path: full, group: rel.includes(sep) ? rel.split(sep)[0] : '.', name: rel, body: readFileSync(full) });
      }
    }
  };
  walk(root);
  return out;
}
