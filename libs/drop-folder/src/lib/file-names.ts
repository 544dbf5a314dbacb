/** Subfolders the watcher files into; never scanned. */
export const PROCESSED_FOLDER = 'processed';
export const FAILED_FOLDER = 'failed';

/** Suffixes uploaders give a file while it is still being written (curl, rsync, browsers, most FTP/SFTP clients). */
const IN_PROGRESS = /\.(tmp|part|partial)$/i;

/**
 * A name a sender is still writing under, or a hidden file: never taken,
 * whatever its age. A sender that writes `story.xml.part` (or `.story.xml`)
 * and renames it to `story.xml` when done hands over only complete files.
 */
export function isInProgressName(name: string): boolean {
  return name.startsWith('.') || IN_PROGRESS.test(name);
}

/** `<name>.reason.json`: why a file is where it is, next to it. */
export function reasonFileName(name: string): string {
  return `${name}.reason.json`;
}

/** `name` for 0, else `stem.<n>.ext`: the names a file may be filed under, in order. */
export function numberedName(name: string, n: number): string {
  if (n === 0) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.${n}${name.slice(dot)}` : `${name}.${n}`;
}

/**
 * The first of `name`, `stem.1.ext`, `stem.2.ext`, ... that `taken` says is
 * free: a file moved into processed/ or failed/ never replaces one already
 * there (senders re-use names: `latest.xml` every five minutes).
 */
export async function clashFreeName(name: string, taken: (candidate: string) => boolean | Promise<boolean>, maxTries = 10_000): Promise<string> {
  for (let n = 0; n <= maxTries; n++) {
    const candidate = numberedName(name, n);
    if (!(await taken(candidate))) return candidate;
  }
  throw new RangeError(`no free name for ${name} after ${maxTries} tries`);
}

/** What a file's extension says about its content, for a source that registers no format. */
const BY_EXTENSION: Record<string, string> = {
  '.xml': 'application/xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.nitf': 'application/nitf+xml',
};

/**
 * How to read a dropped file: the source's registered format, else its
 * extension (`.xml` and `.json` say only "some XML/JSON": the content then
 * decides, as for a push with a generic Content-Type); `undefined` when
 * neither says (the file is refused).
 */
export function contentTypeForFile(name: string, format: string | undefined): string | undefined {
  if (format) return format;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[name.slice(dot).toLowerCase()] : undefined;
}
