import { statSync } from 'node:fs';
import { list as tarList } from 'tar';
import yauzl from 'yauzl';
import { readCorpus } from '../shared/corpus';

/** One wire file of an archive: its path inside the archive (the resume key) and its bytes. */
export interface ArchiveEntry {
  name: string;
  body: Buffer;
}

// As the conformance run skips them: documentation beside the wire files, and archivers' metadata.
const SKIP = /(^|\/)(__MACOSX\/|\.)|\.(md|markdown|license)$|(^|\/)(license|readme)[^/]*$/i;

/**
 * Every file of a folder, a .zip or a .tar.gz / .tgz, sorted by name so a
 * resumed run walks them in the same order. Archives are read whole into
 * memory: wire files are small, and reading once keeps the order stable.
 */
export async function readArchive(path: string): Promise<ArchiveEntry[]> {
  let entries: ArchiveEntry[];
  if (statSync(path).isDirectory()) entries = readCorpus(path).map((f) => ({ name: f.name.split('\\').join('/'), body: f.body }));
  else if (/\.zip$/i.test(path)) entries = await readZip(path);
  else if (/\.(tar\.gz|tgz|tar)$/i.test(path)) entries = await readTar(path);
  else throw new Error(`${path}: give a folder, a .zip or a .tar.gz`);
  return entries.filter((e) => !SKIP.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function readTar(file: string): Promise<ArchiveEntry[]> {
  const entries: ArchiveEntry[] = [];
  await tarList({
    file,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') return;
      const chunks: Buffer[] = [];
      entry.on('data', (c: Buffer) => chunks.push(c));
      entry.on('end', () => entries.push({ name: entry.path.replace(/^\.\//, ''), body: Buffer.concat(chunks) }));
    },
  });
  return entries;
}

function readZip(file: string): Promise<ArchiveEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${file}`));
      const entries: ArchiveEntry[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error(`cannot read ${entry.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, body: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
