import type { ArticleDoc } from '../article.model';
import { QueryTimeoutError } from '../store-errors';
import { msOfPosition } from './keys';
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
const FETCH_GROUP = 8;

/** The API's order: newest first, story key breaking ties. */
export function compareListed(a: Pick<ArticleDoc, 'storedAt' | '_id'>, b: Pick<ArticleDoc, 'storedAt' | '_id'>): number {
  const t = b.storedAt.getTime() - a.storedAt.getTime();
  return t !== 0 ? t : a._id < b._id ? 1 : a._id > b._id ? -1 : 0;
}

interface Candidates {
  keys: string[];
  /** The oldest position taken so far; undefined once nothing is left. */
  last?: string;
  exhausted: boolean;
}

/**
 * The first `limit + 1` stories of a list query, in the API's order, from the list index:
 * candidates come newest first from the sparsest list (or the registry when the query names no
 * list), and the store checks each against the whole query, so the answer is exactly the naive
 * query's. Reading stops once the last position taken is older than the (limit+1)-th match:
 * nothing unread can come before it.
 */
export async function indexedList(index: ListIndex, req: IndexedListRequest): Promise<ArticleDoc[]> {
  const started = Date.now();
  const options: ReadOptions = { maxTimeMS: req.maxTimeMS };
  const need = req.limit + 1;
  const next = await candidateSource(index, req, options);
  const found = new Map<string, ArticleDoc>();
  // Most candidates match (a story is rarely killed or withheld): first read just enough.
  let chunk = need;
  for (;;) {
    if (Date.now() - started > req.maxTimeMS) throw new QueryTimeoutError('the query exceeded its time limit');
    const batch = await next(chunk);
    const groups: string[][] = [];
    for (let i = 0; i < batch.keys.length; i += FETCH_GROUP) groups.push(batch.keys.slice(i, i + FETCH_GROUP));
    for (const docs of await Promise.all(groups.map((keys) => req.fetch(keys)))) for (const doc of docs) found.set(doc._id, doc);
    if (batch.exhausted || batch.last === undefined) break;
    if (found.size >= need) {
      const boundary = [...found.values()].sort(compareListed)[need - 1].storedAt.getTime();
      if (msOfPosition(batch.last) < boundary) break;
    }
    chunk = Math.min(chunk * 2, MAX_CHUNK);
  }
  return [...found.values()].sort(compareListed).slice(0, need);
}

async function candidateSource(index: ListIndex, req: IndexedListRequest, options: ReadOptions): Promise<(n: number) => Promise<Candidates>> {
  if (req.lists.length === 0) {
    let upper = req.bounds.upper;
    return async (n) => {
      const page = await index.registryPage({ lower: req.bounds.lower, upper }, n, options);
      const last = page[page.length - 1]?._id.slice(2);
      upper = last ?? upper;
      return { keys: page.flatMap((d) => d.k), last, exhausted: page.length < n };
    };
  }
  const queues = req.lists.map((list) => new PositionQueue(index.listSource(list, req.bounds, options)));
  if (queues.length > 1) await Promise.all(queues.map((q) => q.fill(PROBE)));
  const driver = queues.reduce((best, q) => (sparser(q, best) ? q : best));
  return async (n) => {
    await driver.fill(n);
    const positions = driver.take(n);
    const keys = positions.length ? await index.resolve(positions, options) : [];
    return { keys, last: positions[positions.length - 1], exhausted: driver.exhausted && driver.buffered.length === 0 };
  };
}

/** Fewer postings within bounds, or (both unread to the end) an older PROBE-th posting. */
function sparser(a: PositionQueue, b: PositionQueue): boolean {
  if (a.exhausted !== b.exhausted) return a.exhausted;
  if (a.exhausted) return a.buffered.length < b.buffered.length;
  const oldest = (q: PositionQueue) => q.buffered[q.buffered.length - 1] ?? '';
  return oldest(a) < oldest(b);
}
