/**
 * Wire feeds as real senders behave: each story is POSTed until the
 * ingester answers 202; a 503, a refused or reset connection or a request
 * that hangs is retried with the same story (same uri) after a back-off.
 * Which stories were accepted, with their article ids, is what the
 * invariants are checked against.
 */
import type { Story } from './stories';

export interface TrafficOptions {
  stories: Story[];
  /** Requests in flight at once; with no rate this is the saturation level. */
  concurrency: number;
  /** Stories started per second at most (undefined: as fast as accepted). */
  ratePerSecond?: number;
  /** A request without an answer by then is abandoned and retried. */
  requestTimeoutMs?: number;
  /** A story not accepted by then is given up (counted as in doubt). */
  deadlineMs?: number;
}

export interface StoryOutcome {
  uri: string;
  attempts: number;
  /** Article ids of the 202 answers (one, unless a retry crossed an answer). */
  acceptedIds: string[];
  /** The last status or error of an attempt that was not a 202. */
  lastFailure?: string;
  /** 4xx other than 503: the harness sent something the ingester refuses. */
  refused?: string;
}

export interface TrafficStats {
  sent: number;
  accepted: number;
  status503: number;
  connectionErrors: number;
  timeouts: number;
  refused: number;
  inDoubt: number;
  /** Slowest answer of any kind, and slowest 503 (fail-fast check). */
  maxLatencyMs: number;
  max503LatencyMs: number;
  /** Answers (of any status) that took longer than 10 s. */
  slowAnswers: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  durationMs: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Traffic {
  readonly outcomes = new Map<string, StoryOutcome>();
  private readonly latencies: number[] = [];
  private status503 = 0;
  private max503 = 0;
  private connectionErrors = 0;
  private timeouts = 0;
  private acceptedCount = 0;
  private readonly waiters: { count: number; resolve: () => void }[] = [];
  private started = 0;
  private finished = 0;
  private done: Promise<void> | undefined;
  private stopRequested = false;

  constructor(
    private readonly url: () => string,
    private readonly options: TrafficOptions,
  ) {}

  get accepted(): number {
    return this.acceptedCount;
  }

  start(): this {
    this.started = Date.now();
    const queue = [...this.options.stories];
    const interval = this.options.ratePerSecond ? 1000 / this.options.ratePerSecond : 0;
    let nextSlot = Date.now();
    const worker = async () => {
      for (;;) {
        const story = queue.shift();
        if (!story || this.stopRequested) return;
        if (interval) {
          const wait = nextSlot - Date.now();
          nextSlot = Math.max(nextSlot, Date.now()) + interval;
          if (wait > 0) await delay(wait);
        }
        await this.send(story);
      }
    };
    this.done = Promise.all(Array.from({ length: this.options.concurrency }, worker)).then(() => {
      this.finished = Date.now();
    });
    return this;
  }

  /** Resolves once `count` stories have been accepted (or all were tried): an event, not a poll. */
  whenAccepted(count: number): Promise<void> {
    if (this.acceptedCount >= count) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ count, resolve });
      void this.done?.then(resolve);
    });
  }

  finish(): Promise<void> {
    return this.done ?? Promise.resolve();
  }

  /** Stops starting new stories and retrying (requests in flight finish). */
  stop(): Promise<void> {
    this.stopRequested = true;
    return this.finish();
  }

  stats(): TrafficStats {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    const all = [...this.outcomes.values()];
    return {
      sent: all.length,
      accepted: all.filter((o) => o.acceptedIds.length > 0).length,
      status503: this.status503,
      connectionErrors: this.connectionErrors,
      timeouts: this.timeouts,
      refused: all.filter((o) => o.refused).length,
      inDoubt: all.filter((o) => o.acceptedIds.length === 0 && !o.refused).length,
      maxLatencyMs: Math.round(sorted[sorted.length - 1] ?? 0),
      max503LatencyMs: Math.round(this.max503),
      slowAnswers: sorted.filter((ms) => ms > 10_000).length,
      p50LatencyMs: at(0.5),
      p99LatencyMs: at(0.99),
      durationMs: (this.finished || Date.now()) - this.started,
    };
  }

  private async send(story: Story): Promise<void> {
    const outcome: StoryOutcome = { uri: story.uri, attempts: 0, acceptedIds: [] };
    this.outcomes.set(story.uri, outcome);
    const deadline = Date.now() + (this.options.deadlineMs ?? 600_000);
    let backoff = 200;
    while (Date.now() < deadline && !this.stopRequested) {
      outcome.attempts += 1;
      const t0 = performance.now();
      try {
        const res = await fetch(`${this.url()}/v1/articles`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: story.body,
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 120_000),
        });
        const text = await res.text();
        const ms = performance.now() - t0;
        this.latencies.push(ms);
        if (res.status === 202) {
          outcome.acceptedIds.push((JSON.parse(text) as { id: string }).id);
          this.onAccepted();
          return;
        }
        outcome.lastFailure = `${res.status} ${text.slice(0, 200)}`;
        if (res.status !== 503) {
          outcome.refused = outcome.lastFailure;
          return;
        }
        this.status503 += 1;
        this.max503 = Math.max(this.max503, ms);
      } catch (err) {
        const name = (err as Error).name;
        outcome.lastFailure = `${name}: ${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`.trim();
        if (name === 'TimeoutError' || name === 'AbortError') this.timeouts += 1;
        else this.connectionErrors += 1;
      }
      await delay(backoff);
      backoff = Math.min(backoff * 2, 5000);
    }
  }

  private onAccepted(): void {
    this.acceptedCount += 1;
    for (const w of [...this.waiters]) {
      if (this.acceptedCount >= w.count) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }
}
