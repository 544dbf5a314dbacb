import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileAway } from './drop-folder-files';

describe('fileAway', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'drop-files-'));
    mkdirSync(join(folder, 'failed'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('files a story with its whole reason file beside it and no temporary file left', async () => {
    writeFileSync(join(folder, 'story.xml'), '<x/>');
    const reason = { code: 'unparseable', message: 'no root element', items: Array.from({ length: 2000 }, (_, index) => ({ index })) };
    expect(await fileAway(folder, 'failed', 'story.xml', reason)).toBe('story.xml');
    expect(readdirSync(join(folder, 'failed')).sort()).toEqual(['story.xml', 'story.xml.reason.json']);
    expect(JSON.parse(readFileSync(join(folder, 'failed', 'story.xml.reason.json'), 'utf8'))).toEqual(reason);
  });

  it('gives a second file of the same name a free name, its reason file included', async () => {
    for (const body of ['<a/>', '<b/>']) {
      writeFileSync(join(folder, 'story.xml'), body);
      await fileAway(folder, 'failed', 'story.xml', { code: 'unparseable' });
    }
    const names = readdirSync(join(folder, 'failed'));
    expect(names).toHaveLength(4);
    expect(names.filter((n) => n.endsWith('.reason.json'))).toHaveLength(2);
    expect(names.some((n) => n.endsWith('.part'))).toBe(false);
  });
});
