import { lstat, mkdir, open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { clashFreeName, FAILED_FOLDER, type FileSighting, isInProgressName, PROCESSED_FOLDER, reasonFileName } from '@newswire/drop-folder';

const isGone = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The files a drop folder holds now (regular files only: subfolders,
 * processed/ and failed/ among them, and symbolic links, which could point
 * outside the folder, are not read), after making sure processed/ and
 * failed/ exist. A file gone between the listing and its stat is left out.
 */
export async function listDropFolder(folder: string): Promise<FileSighting[]> {
  await mkdir(join(folder, PROCESSED_FOLDER), { recursive: true });
  await mkdir(join(folder, FAILED_FOLDER), { recursive: true });
  const entries = await readdir(folder, { withFileTypes: true });
  const sightings = await Promise.all(
    entries
      .filter((e) => e.isFile() && !isInProgressName(e.name))
      .map(async (e): Promise<FileSighting | undefined> => {
        try {
          const s = await stat(join(folder, e.name));
          return { name: e.name, size: s.size, mtimeMs: s.mtimeMs };
        } catch (err) {
          if (isGone(err)) return undefined;
          throw err;
        }
      }),
  );
  return sightings.filter((s): s is FileSighting => s !== undefined);
}

/**
 * The file's bytes, never more than `maxBytes` read: `too_large` past it,
 * `changed` when it grew after it was judged complete (it is watched
 * again), `gone` when someone moved it meanwhile.
 */
export async function readCapped(path: string, maxBytes: number): Promise<Buffer | 'too_large' | 'changed' | 'gone'> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    if (isGone(err)) return 'gone';
    throw err;
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return 'too_large';
    // One byte more than it should hold, to notice it growing.
    const buffer = Buffer.alloc(size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return length === size ? buffer.subarray(0, length) : 'changed';
  } finally {
    await handle.close();
  }
}

/**
 * Moves `name` into processed/ or failed/ under a name nothing there has
 * (nor its reason file), then writes its reason file beside it when there
 * is one. Only the holder of the folder's lease files into it, so the name
 * checked free stays free. Returns the name given, or undefined when the
 * file was already gone (another instance filed it after a lease takeover).
 */
export async function fileAway(folder: string, into: typeof PROCESSED_FOLDER | typeof FAILED_FOLDER, name: string, reason?: object): Promise<string | undefined> {
  const dir = join(folder, into);
  // Asked name by name (not a listing of processed/, which grows with every file).
  const exists = (n: string) => lstat(join(dir, n)).then(() => true, (err: unknown) => (isGone(err) ? false : Promise.reject(err as Error)));
  const final = await clashFreeName(name, async (n) => (await exists(n)) || (await exists(reasonFileName(n))));
  try {
    await rename(join(folder, name), join(dir, final));
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
  if (reason) await writeWhole(join(dir, reasonFileName(final)), `${JSON.stringify(reason, null, 2)}\n`);
  return final;
}

/**
 * Writes a file that appears complete or not at all: an operator's script (or a test) that sees the reason file must
 * not read half of it. Written under a temporary name, then renamed to its own, so the temporary is gone at the instant
 * the file appears (linking then unlinking left a moment when a listing held both: CI-164 saw it). Never over another
 * file: the name was checked free by the lease holder, the only writer, and is checked again here.
 */
async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.part`;
  await writeFile(temporary, text, { flag: 'wx' });
  try {
    const taken = await lstat(path).then(() => true, (err: unknown) => (isGone(err) ? false : Promise.reject(err as Error)));
    if (taken) throw new Error(`${path} already exists: not overwritten`);
    await rename(temporary, path);
  } catch (err) {
    await unlink(temporary).catch(() => undefined);
    throw err;
  }
}
