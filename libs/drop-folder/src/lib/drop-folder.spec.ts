import { clashFreeName, contentTypeForFile, dropItemId, isInProgressName, observeFolder, stepFor, verdictOf, type WatchedFile } from '../index';

describe('observeFolder: a file is complete once unchanged for the quiet period', () => {
  const scan = (files: [string, number, number][]) => files.map(([name, size, mtimeMs]) => ({ name, size, mtimeMs }));

  it('takes a file only after its size and mtime stayed the same for quietMs', () => {
    let watched = new Map<string, WatchedFile>();
    const at = (now: number, size: number, mtime: number) => {
      const r = observeFolder(watched, scan([['a.xml', size, mtime]]), now, 5_000);
      watched = r.watched;
      return r.complete;
    };
    expect(at(0, 10, 100)).toEqual([]);
    expect(at(3_000, 20, 200)).toEqual([]); // grew: the clock starts again
    expect(at(7_000, 20, 200)).toEqual([]); // unchanged for 4 s only
    expect(at(8_000, 20, 200)).toEqual(['a.xml']);
  });

  it('a touched file (same size, new mtime) waits again', () => {
    const first = observeFolder(new Map(), scan([['a.xml', 10, 100]]), 0, 1_000);
    expect(observeFolder(first.watched, scan([['a.xml', 10, 101]]), 2_000, 1_000).complete).toEqual([]);
  });

  it('with quietMs 0 a file is complete when first seen (senders that rename into place)', () => {
    expect(observeFolder(new Map(), scan([['a.xml', 10, 100]]), 0, 0).complete).toEqual(['a.xml']);
  });

  it('never takes in-progress or hidden names, and forgets files gone since the last scan', () => {
    const first = observeFolder(new Map(), scan([['a.xml.part', 1, 1], ['.b.xml', 1, 1], ['c.tmp', 1, 1], ['d.partial', 1, 1], ['gone.xml', 1, 1]]), 0, 0);
    expect(first.complete).toEqual(['gone.xml']);
    expect([...observeFolder(first.watched, [], 1, 0).watched.keys()]).toEqual([]);
  });

  it('lists complete files oldest first', () => {
    expect(observeFolder(new Map(), scan([['b.xml', 1, 300], ['a.xml', 1, 200], ['c.xml', 1, 200]]), 0, 0).complete).toEqual(['a.xml', 'c.xml', 'b.xml']);
  });
});

describe('file names', () => {
  it('recognises in-progress uploads', () => {
    expect(['x.TMP', 'x.xml.part', 'x.partial', '.x.xml'].map(isInProgressName)).toEqual([true, true, true, true]);
    expect(['x.xml', 'x.json', 'partial.xml', 'x.tmp.xml'].map(isInProgressName)).toEqual([false, false, false, false]);
  });

  it('never replaces a file: a numbered name before the extension', async () => {
    const taken = new Set(['a.xml', 'a.1.xml', 'notes', 'x.tar.gz']);
    expect(await clashFreeName('b.xml', (n) => taken.has(n))).toBe('b.xml');
    expect(await clashFreeName('a.xml', (n) => taken.has(n))).toBe('a.2.xml');
    expect(await clashFreeName('notes', (n) => taken.has(n))).toBe('notes.1');
    expect(await clashFreeName('x.tar.gz', async (n) => taken.has(n))).toBe('x.tar.1.gz');
    await expect(clashFreeName('a.xml', () => true, 3)).rejects.toThrow(RangeError);
  });

  it('reads by the source format, else by the extension', () => {
    expect(contentTypeForFile('a.json', 'application/ninjs+json')).toBe('application/ninjs+json');
    expect(contentTypeForFile('a.XML', undefined)).toBe('application/xml');
    expect(contentTypeForFile('a.txt', undefined)).toBe('text/plain');
    expect(contentTypeForFile('a.doc', undefined)).toBeUndefined();
    expect(contentTypeForFile('README', undefined)).toBeUndefined();
  });
});

describe('the ledger: what a restarted watcher does with a file', () => {
  const now = new Date('2026-01-01T00:00:00Z');
  const then = new Date('2025-12-31T23:59:00Z');

  it('publishes a new file, re-publishes an unfinished one with its first receivedAt, only moves a published one', () => {
    expect(stepFor(null, now)).toEqual({ step: 'publish', receivedAt: now });
    expect(stepFor({ state: 'publishing', receivedAt: then }, now)).toEqual({ step: 'publish', receivedAt: then });
    expect(stepFor({ state: 'published', receivedAt: then }, now)).toEqual({ step: 'move' });
    const reason = { code: 'partial', message: '1 of 2 items could not be accepted' };
    expect(stepFor({ state: 'published', receivedAt: then, reason }, now)).toEqual({ step: 'move', reason });
  });

  it('gives a story the same UUID-shaped id every time, distinct per source, content and position', () => {
    const id = dropItemId('acme', 'ab'.repeat(32), 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(dropItemId('acme', 'ab'.repeat(32), 0)).toBe(id);
    expect(new Set([id, dropItemId('acme', 'ab'.repeat(32), 1), dropItemId('other', 'ab'.repeat(32), 0), dropItemId('acme', 'cd'.repeat(32), 0)]).size).toBe(4);
  });

  it('sends a file to failed/ with push codes when no story is accepted, else to processed/', () => {
    const bad = (index: number) => ({ index, status: 'rejected' as const, code: 'story_too_large', reason: 'too big' });
    expect(verdictOf([])).toEqual({ to: 'failed', reason: { code: 'no_items', message: 'the file holds no story' } });
    expect(verdictOf([bad(0)])).toMatchObject({ to: 'failed', reason: { code: 'story_too_large', message: 'too big' } });
    expect(verdictOf([bad(0), bad(1)])).toMatchObject({ to: 'failed', reason: { code: 'no_items_accepted', items: [{ index: 0 }, { index: 1 }] } });
    expect(verdictOf([{ index: 0, status: 'accepted' }])).toEqual({ to: 'processed' });
    expect(verdictOf([{ index: 0, status: 'accepted' }, bad(1)])).toMatchObject({ to: 'processed', reason: { code: 'partial', items: [{ index: 1, code: 'story_too_large' }] } });
  });
});
