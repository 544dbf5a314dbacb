import type { ArticleDoc } from '../article.model';
import { QueryTimeoutError } from '../store-errors';
import { msOfPosition, msPart } from './keys';
import type { ListIndex, ReadOptions } from './list-index';
import { type PositionBounds, PositionQueue } from './streams';

export interface IndexedListRequest {
  /** Lists every match is in (none: every story). */
  lists: string[];
  bounds: PositionBounds;
  limit: number;
  /** The stored stories among these keys that match the whole query, cursor included. */
  fetch(keys: string[]): Promise<ArticleDoc[]>;
  /** Wall-clock budget for the whole list, like `maxTimeMS` for one read. */
  maxTimeMS: number;
}

/** How far ahead each list is read to guess which one is sparsest. */
const PROBE = 64;
const MAX_CHUNK = 1000;
/**
 * Stories are fetched in parallel reads of this many: FerretDB decodes every document it reads
 * (a few milliseconds for a story), and each connection is served on its own thread.
 */
const FETCH_GROUP = 11;

/** The API's order: newest first, story key breaking ties. */
export function compareListed(a: Pick<ArticleDoc, 'storedAt' | '_id'>, b: Pick<ArticleDoc, 'storedAt' | '_id'>): number {
  const t = b.storedAt.getTime() - a.storedAt.getTime();
  return t !== 0 ? t : a._id < b._id ? 1 : a._id > b._id ? -1 : 0;
}

interface Candidates {
  /** Story keys with their positions. */
  entries: { position: string; key: string }[];
  /** The oldest position taken so far; undefined once nothing is left. */
  last?: string;
  exhausted: boolean;
}

/**
 * The first `limit + 1` stories of a list query, in the API's order, from the list index:
 * candidates come newest first from the sparsest list (or the registry when the query names no
 * list), and the store checks each against the whole query, so the answer is exactly the naive
 * query's. Once `limit + 1` match, only candidates stored in the same millisecond as the last of
 * them or later can still come before it (ties are ordered by story key), so reading goes on
 * only for those.
 */
export async function indexedList(index: ListIndex, req: IndexedListRequest): Promise<ArticleDoc[]> {
  const started = Date.now();
  const options: ReadOptions = { maxTimeMS: req.maxTimeMS };
  const need = req.limit + 1;
  const next = await candidateSource(index, req, options);
  const found = new Map<string, ArticleDoc>();
  // Most candidates match (a story is rarely killed or withheld): first read just enough.
  let chunk = need;
  let floor: string | undefined;
  let boundary: { ms: number; key: string } | undefined;
  for (;;) {
    if (Date.now() - started > req.maxTimeMS) throw new QueryTimeoutError('the query exceeded its time limit');
    const batch = await next(chunk, floor);
    // Past the floor, a story of the boundary's millisecond comes first only with a greater key.
    const keys = batch.entries.filter((e) => !boundary || msOfPosition(e.position) > boundary.ms || e.key > boundary.key).map((e) => e.key);
    const groups: string[][] = [];
    for (let i = 0; i < keys.length; i += FETCH_GROUP) groups.push(keys.slice(i, i + FETCH_GROUP));
    for (const docs of await Promise.all(groups.map((g) => req.fetch(g)))) for (const doc of docs) found.set(doc._id, doc);
    if (batch.exhausted || batch.last === undefined) break;
    if (found.size >= need) {
      const last = [...found.values()].sort(compareListed)[need - 1];
      boundary = { ms: last.storedAt.getTime(), key: last._id };
      if (msOfPosition(batch.last) < boundary.ms) break;
      floor = msPart(boundary.ms);
    } else {
      chunk = Math.min(chunk * 2, MAX_CHUNK);
    }
  }
  return [...found.values()].sort(compareListed).slice(0, need);
}

/** Candidates newest first; with a floor, only positions at or above it (the source then counts as exhausted below it). */
type NextCandidates = (n: number, floor?: string) => Promise<Candidates>;

async function candidateSource(index: ListIndex, req: IndexedListRequest, options: ReadOptions): Promise<NextCandidates> {
  if (req.lists.length === 0) {
    let upper = req.bounds.upper;
    return async (n, floor) => {
      const lower = floor !== undefined && (req.bounds.lower === undefined || floor > req.bounds.lower) ? floor : req.bounds.lower;
      const page = await index.registryPage({ lower, upper }, n, options);
      const last = page[page.length - 1]?._id.slice(2);
      upper = last ?? upper;
      return { entries: page.flatMap((d) => d.k.map((key) => ({ position: d._id.slice(2), key }))), last, exhausted: page.length < n };
    };
  }
  const queues = req.lists.map((list) => new PositionQueue(index.listSource(list, req.bounds, options)));
  if (queues.length > 1) await Promise.all(queues.map((q) => q.fill(PROBE)));
  const driver = queues.reduce((best, q) => (sparser(q, best) ? q : best));
  // Lists not much denser than the driver filter its candidates here, which costs index reads
  // instead of stories; the store checks every condition anyway.
  const filters = queues.filter((q) => q !== driver && (q.exhausted || density(q) <= DENSER_FILTER * density(driver)));
  return async (n, floor) => {
    await driver.fill(n);
    const buffered = driver.buffered;
    let take = Math.min(n, buffered.length);
    if (floor !== undefined) take = Math.min(take, buffered.findIndex((p) => p < floor) < 0 ? take : buffered.findIndex((p) => p < floor));
    const belowFloor = floor !== undefined && take < buffered.length && buffered[take] < floor;
    const positions = driver.take(take);
    const kept: string[] = [];
    for (const p of positions) {
      let inAll = true;
      for (const f of filters) if (!(inAll = await f.contains(p))) break;
      if (inAll) kept.push(p);
    }
    const entries = kept.length ? await index.resolve(kept, options) : [];
    return { entries, last: positions[positions.length - 1], exhausted: belowFloor || (driver.exhausted && driver.buffered.length === 0) };
  };
}

/** A list this many times denser than the driver is left to the store's check rather than read through. */
const DENSER_FILTER = 32;

/** Postings per millisecond among those read so far. */
function density(q: PositionQueue): number {
  const b = q.buffered;
  if (b.length < 2) return 0;
  return b.length / Math.max(1, msOfPosition(b[0]) - msOfPosition(b[b.length - 1]));
}

/** Fewer postings within bounds, or (both unread to the end) an older PROBE-th posting. */
function sparser(a: PositionQueue, b: PositionQueue): boolean {
  if (a.exhausted !== b.exhausted) return a.exhausted;
  if (a.exhausted) return a.buffered.length < b.buffered.length;
  const oldest = (q: PositionQueue) => q.buffered[q.buffered.length - 1] ?? '';
  return oldest(a) < oldest(b);
}
