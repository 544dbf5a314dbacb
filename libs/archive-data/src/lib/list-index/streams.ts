import { decodePositions } from './blocks';
import { AFTER, maxPositionOfKey, msOfPosition, spanStart, msPart } from './keys';

/** Reads documents with `low <= _id < high`, highest `_id` first, at most `limit`. */
export type RangeReader<T extends { _id: string }> = (low: string, high: string, limit: number) => Promise<T[]>;

/** Positions in `[lower, upper)`; either side open when absent. */
export interface PositionBounds {
  lower?: string;
  upper?: string;
}

/** Positions newest first; a position may repeat (callers drop repeats, which are adjacent). */
export interface PositionSource {
  head(): Promise<string | undefined>;
  pop(): string | undefined;
}

/** The most documents one read takes. */
const MAX_PAGE = 256;

const inBounds = (p: string, b: PositionBounds) => (b.lower === undefined || p >= b.lower) && (b.upper === undefined || p < b.upper);

/**
 * The positions of one list in documents keyed `<prefix><newest position>~<tag>`, each holding
 * positions that lie within one span (an hour, a week) below its newest. Documents are read
 * newest key first; once a document with newest position m has been read, no unread document
 * holds anything above m, so everything read that is >= m is final. Documents may overlap
 * (concurrent writers, compaction in progress): that costs a repeat, never a miss or a reorder.
 */
export class BlockStream<T extends { _id: string }> implements PositionSource {
  private pending: string[] = [];
  private next = 0;
  private threshold = '';
  private done = false;
  private high: string;
  private readonly low: string;

  constructor(
    private readonly read: RangeReader<T>,
    private readonly prefix: string,
    spanMs: number,
    private readonly positionsOf: (doc: T) => string | undefined,
    private readonly bounds: PositionBounds,
    /** Documents read first (few when they are big); each further read takes twice as many. */
    private pageSize = 8,
    /**
     * When set, a further read also takes as many documents as should hold this many of the list's
     * positions, judged by those read so far: a rare list's blocks are small (a few dozen
     * positions a week), and doubling from a few documents costs one round trip per doubling.
     */
    private readonly positionsPerRead?: number,
  ) {
    // A document holding a position below `upper` has its newest position within that position's span.
    this.high = bounds.upper === undefined ? prefix + AFTER : prefix + msPart(spanStart(msOfPosition(bounds.upper), spanMs) + spanMs);
    // A document whose newest position is below `lower` holds nothing in bounds.
    this.low = prefix + (bounds.lower ?? '');
  }

  async head(): Promise<string | undefined> {
    for (;;) {
      if (this.next < this.pending.length && (this.done || this.pending[this.next] >= this.threshold)) return this.pending[this.next];
      if (this.done) return undefined;
      await this.load();
    }
  }

  pop(): string | undefined {
    return this.pending[this.next++];
  }

  private docsRead = 0;
  private positionsRead = 0;

  private async load(): Promise<void> {
    const docs = await this.read(this.low, this.high, this.pageSize);
    const rest = this.pending.slice(this.next);
    for (const doc of docs) {
      const positions = decodePositions(this.positionsOf(doc));
      this.positionsRead += positions.length;
      for (const p of positions) if (inBounds(p, this.bounds)) rest.push(p);
    }
    this.docsRead += docs.length;
    this.pending = rest.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    this.next = 0;
    if (docs.length < this.pageSize) {
      this.done = true;
      return;
    }
    const last = docs[docs.length - 1];
    this.threshold = maxPositionOfKey(this.prefix, last._id);
    this.high = last._id;
    const byPositions = this.positionsPerRead ? Math.ceil((this.positionsPerRead * this.docsRead) / Math.max(1, this.positionsRead)) : 0;
    this.pageSize = Math.min(Math.max(this.pageSize * 2, byPositions), MAX_PAGE);
  }
}

/** Several sources as one, newest first, repeats included (they are adjacent). */
export class MergedSource implements PositionSource {
  private heads: (string | undefined)[] = [];
  private chosen = -1;

  constructor(private readonly sources: PositionSource[]) {}

  async head(): Promise<string | undefined> {
    this.heads = await Promise.all(this.sources.map((s) => s.head()));
    this.chosen = -1;
    this.heads.forEach((h, i) => {
      if (h !== undefined && (this.chosen < 0 || h > (this.heads[this.chosen] as string))) this.chosen = i;
    });
    return this.chosen < 0 ? undefined : this.heads[this.chosen];
  }

  pop(): string | undefined {
    return this.chosen < 0 ? undefined : this.sources[this.chosen].pop();
  }
}

/** Distinct positions taken from a source in batches; remembers whether the source ran out. */
export class PositionQueue {
  private buffer: string[] = [];
  private last: string | undefined;
  exhausted = false;

  constructor(readonly source: PositionSource) {}

  /** Buffers up to `n` positions; false once the source has no more. */
  async fill(n: number): Promise<void> {
    while (this.buffer.length < n && !this.exhausted) {
      const head = await this.source.head();
      if (head === undefined) {
        this.exhausted = true;
        break;
      }
      this.source.pop();
      if (head !== this.last) this.buffer.push(head);
      this.last = head;
    }
  }

  get buffered(): readonly string[] {
    return this.buffer;
  }

  take(n: number): string[] {
    return this.buffer.splice(0, n);
  }

  /** Whether the source holds `position`; asked in descending order, it drops what lies above. */
  async contains(position: string): Promise<boolean> {
    for (;;) {
      let above = 0;
      while (above < this.buffer.length && this.buffer[above] > position) above++;
      this.buffer.splice(0, above);
      if (this.buffer.length > 0) return this.buffer[0] === position;
      if (this.exhausted) return false;
      await this.fill(512);
    }
  }
}
