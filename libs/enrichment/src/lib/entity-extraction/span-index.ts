/**
 * Spans (character or token offsets) by where they start, so that the spans near one can be found without comparing
 * every pair: an article has tens of names, but a hostile text of thousands of names ("U.S. U.S. ...") made the
 * pairwise overlap tests of the blend take tens of seconds.
 */
export class SpanIndex {
  /** Positions in the given list, ordered by start (then position). */
  private readonly order: number[];
  private readonly maxLength: number;

  constructor(private readonly spans: readonly { readonly start: number; readonly end: number }[]) {
    this.order = spans.map((_, k) => k).sort((a, b) => spans[a].start - spans[b].start || a - b);
    this.maxLength = spans.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  }

  /**
   * The positions, ascending, of every span that could overlap or contain [start, end]: each span starting from `start`
   * less the longest span's length up to `end`. A superset: callers apply their exact test, in the list's own order.
   */
  near(start: number, end: number): number[] {
    const from = start - this.maxLength;
    const to = Math.max(start, end);
    // The first span in order starting at `from` or later.
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.spans[this.order[mid]].start < from) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let k = lo; k < this.order.length && this.spans[this.order[k]].start <= to; k++) out.push(this.order[k]);
    return out.sort((a, b) => a - b);
  }

  /** The first span, in the list's order, near [start, end] that passes `test`. */
  find(start: number, end: number, test: (position: number) => boolean): number | undefined {
    return this.near(start, end).find(test);
  }

  /** Whether any span near [start, end] passes `test`. */
  some(start: number, end: number, test: (position: number) => boolean): boolean {
    return this.find(start, end, test) !== undefined;
  }
}
