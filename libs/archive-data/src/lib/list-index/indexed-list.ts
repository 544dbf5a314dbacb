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
  let everyStory = 0;
  if (queues.length > 1) {
    const [registry] = await Promise.all([index.registryPage(req.bounds, PROBE, options), ...queues.map((q) => q.fill(PROBE))]);
    everyStory = densityOf(registry.map((d) => d._id.slice(2)));
  }
  const driver = queues.reduce((best, q) => (sparser(q, best) ? q : best));
  // The other lists filter the driver's candidates here, in the index, unless reading through one
  // costs more than the stories it would spare the store's check (see worthFiltering).
  const filters = queues.filter((q) => q !== driver && (q.exhausted || worthFiltering(density(q), density(driver), everyStory)));
  const deadline = Date.now() + req.maxTimeMS;
  return async (n, floor) => {
    // With filters, driver positions are taken until `n` pass them all (or none is left): a rare
    // pair of lists drops most candidates, and a round per doubling would cost round trips.
    const kept: string[] = [];
    let last: string | undefined;
    let exhausted = false;
    while (!exhausted && kept.length < n) {
      if (Date.now() > deadline) throw new QueryTimeoutError('the query exceeded its time limit');
      await driver.fill(n);
      const buffered = driver.buffered;
      let take = Math.min(n, buffered.length);
      const firstBelow = floor === undefined ? -1 : buffered.findIndex((p) => p < floor);
      if (firstBelow >= 0) take = Math.min(take, firstBelow);
      const belowFloor = firstBelow >= 0 && take < buffered.length && buffered[take] < floor!;
      const positions = driver.take(take);
      last = positions[positions.length - 1] ?? last;
      for (const p of positions) {
        let inAll = true;
        for (const f of filters) if (!(inAll = await f.contains(p))) break;
        if (inAll) kept.push(p);
      }
      exhausted = belowFloor || (driver.exhausted && driver.buffered.length === 0);
      if (filters.length === 0) break;
    }
    const entries = kept.length ? await index.resolve(kept, options) : [];
    return { entries, last, exhausted };
  };
}

/**
 * What checking one candidate story in the store costs, in postings read from the index, as
 * measured at 1,000,000 stories: FerretDB decodes the whole story, about 0.7 ms of wall time each
 * when checked in parallel groups, while a range read of 4-10 ms returns up to 2,048 postings
 * (0.002-0.005 ms each). So 150-350; taken at the low end, so that a list is read through only
 * where that clearly pays.
 */
const STORY_CHECK_IN_POSTINGS = 150;

/**
 * Whether a list should filter the driver's candidates in the index. Per candidate, filtering
 * reads about `list / driver` postings (the list's density over the driver's) and spares the check
 * of every candidate not in the list, a share of about `1 - list / everyStory` (the list's share of
 * all stories; lists are taken as independent). Two words of one text query, one common, one rare,
 * gain most (at 1,000,000 stories "q=ixlumi+lolovi" checked 651 stories for 21 matches); a rare
 * person with a language most stories carry does not (few candidates are spared, and each costs
 * hundreds of postings).
 */
export function worthFiltering(list: number, driver: number, everyStory: number): boolean {
  if (driver <= 0) return false;
  const share = everyStory > 0 ? Math.min(1, list / everyStory) : 0;
  return list / driver <= STORY_CHECK_IN_POSTINGS * (1 - share);
}

/** Postings per millisecond among those read so far. */
function density(q: PositionQueue): number {
  return densityOf(q.buffered);
}

/** Positions per millisecond over a run of positions, newest first. */
function densityOf(positions: readonly string[]): number {
  if (positions.length < 2) return 0;
  return positions.length / Math.max(1, msOfPosition(positions[0]) - msOfPosition(positions[positions.length - 1]));
}

/** Fewer postings within bounds, or (both unread to the end) an older PROBE-th posting. */
function sparser(a: PositionQueue, b: PositionQueue): boolean {
  if (a.exhausted !== b.exhausted) return a.exhausted;
  if (a.exhausted) return a.buffered.length < b.buffered.length;
  const oldest = (q: PositionQueue) => q.buffered[q.buffered.length - 1] ?? '';
  return oldest(a) < oldest(b);
}
