import { Logger } from '@nestjs/common';
import type { Counter, Gauge } from 'prom-client';
import { itemFingerprint, nextPollDelayMs, PollFailure, type PollOutcomeKind, selectNewItems, type Validators } from '@newswire/feed-poll';
import type { ReceivedPublisher } from '@newswire/kafka';
import type { KeyedLease } from '@newswire/mongo';
import type { ServiceMetrics } from '@newswire/observability';
import type { PollTarget } from '@newswire/sources';
import { isSupportedMediaType, mediaTypeOf, readSubmission, SubmissionRefusal } from '@newswire/wire-formats';
import type { FeedFetcher } from './feed-fetcher';
import type { SourceFailures } from './feed-health/source-failures';
import type { PollStateDoc, PollStateStore } from './poll-state';

export interface FeedPollerOptions {
  tickMs: number;
  concurrency: number;
  maxBackoffSeconds: number;
  seenItems: number;
  maxItems: number;
  articleBytes: number;
}

interface PollResult {
  outcome: PollOutcomeKind;
  reason?: string;
  published: number;
  rejected: number;
  validators?: Validators;
  seen?: string[];
  retryAfterSeconds?: number;
}

/**
 * Polls every registered feed on its own schedule, from any number of
 * instances: each tick reads when every source is due (`poll_state`), and
 * an instance polls a due source only while it holds that source's lease
 * (`poll_leases`), re-reading its state under the lease, so a source is
 * polled by exactly one instance at a time and once per interval across all
 * of them. New items go through the ingester's intake path and are
 * published to the received topic under the source's id.
 */
export class FeedPoller {
  private readonly logger = new Logger('poller');
  private readonly running = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;
  private stopping = new AbortController();
  private readonly polls: Counter<'source' | 'outcome'>;
  private readonly lastSuccess: Gauge<'source'>;
  /** Whether the last tick could read the store (readiness). */
  storeReachable = true;

  constructor(
    private readonly targets: readonly PollTarget[],
    private readonly store: PollStateStore,
    private readonly lease: KeyedLease,
    private readonly fetcher: FeedFetcher,
    private readonly publisher: ReceivedPublisher,
    metrics: ServiceMetrics,
    private readonly o: FeedPollerOptions,
    private readonly failures?: SourceFailures,
  ) {
    this.polls = metrics.feedPolls;
    this.lastSuccess = metrics.feedLastSuccess;
  }

  /**
   * Ticks at a jittered interval (half to one and a half ticks): instances
   * started together would otherwise look in step, and the one whose tick
   * happens to come first would win every lease.
   */
  start(): void {
    const next = () => {
      this.timer = setTimeout(() => void this.tick().finally(() => !this.stopping.signal.aborted && next()), this.o.tickMs * (0.5 + Math.random()));
    };
    void this.tick().finally(next);
  }

  /** Stops looking for work and waits for the polls in hand (each bounded by its timeout). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.stopping.abort();
    await Promise.allSettled(this.running.values());
  }

  /** One look at what is due; overlapping ticks are skipped. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopping.signal.aborted) return;
    this.ticking = true;
    try {
      const due = await this.store.dueTimes(this.targets.map((t) => t.sourceId));
      this.storeReachable = true;
      const now = Date.now();
      for (const target of this.targets) {
        if (this.running.size >= this.o.concurrency) break;
        if (this.running.has(target.sourceId) || (due.get(target.sourceId)?.getTime() ?? 0) > now) continue;
        const run = this.pollUnderLease(target)
          .catch((err: unknown) => this.logger.warn(`poll of ${target.sourceId} failed outside the feed: ${(err as Error).message}`))
          .finally(() => this.running.delete(target.sourceId));
        this.running.set(target.sourceId, run);
      }
    } catch (err) {
      this.storeReachable = false;
      this.logger.warn(`cannot read the poll state: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
    }
  }

  private async pollUnderLease(target: PollTarget): Promise<void> {
    await this.lease.holdIfFree(target.sourceId, async (lost) => {
      // Another instance may have polled it between our read and our lease: its state says so.
      const state = await this.store.get(target.sourceId);
      if (state && state.nextPollAt.getTime() > Date.now()) return;
      const stop = AbortSignal.any([lost, this.stopping.signal]);
      const result = await this.pollOnce(target, state, stop);
      // A lost lease means another instance may be polling it now: what we learnt is not ours to write.
      // A poll cut short by shutdown is not the feed's failure: it is polled again on the next start.
      if (lost.aborted || this.stopping.signal.aborted) return;
      await this.store.save(this.nextState(target, state, result));
      this.record(target, result);
    });
  }

  private async pollOnce(target: PollTarget, state: PollStateDoc | null, stop: AbortSignal): Promise<PollResult> {
    const validators = state ? { ...(state.etag ? { etag: state.etag } : {}), ...(state.lastModified ? { lastModified: state.lastModified } : {}) } : undefined;
    try {
      const fetched = await this.fetcher.fetch(target, validators, stop);
      if (fetched.status === 'not_modified') return { outcome: 'not_modified', published: 0, rejected: 0 };
      const receivedAt = new Date();
      let submission;
      try {
        submission = readSubmission(fetched.body, contentTypeFor(fetched.contentType, target.format), {
          maxItems: this.o.maxItems,
          articleBytes: this.o.articleBytes,
          receivedAt,
          attribution: { sourceId: target.sourceId, ...(target.provider ? { provider: target.provider } : {}), ...(target.language ? { language: target.language } : {}) },
        });
      } catch (err) {
        if (err instanceof SubmissionRefusal) throw new PollFailure('unreadable', `${err.code}: ${err.message}`);
        throw err;
      }
      const accepted = submission.items.flatMap((i) => (i.status === 'accepted' ? [{ article: i.article, fingerprint: itemFingerprint(i.article) }] : []));
      const rejected = submission.items.length - accepted.length;
      const { fresh } = selectNewItems(state?.seen ?? [], accepted, this.o.seenItems);
      const results = await Promise.allSettled(fresh.map((item) => this.publisher.publish(item.article, receivedAt)));
      const failed = new Set(fresh.filter((_, i) => results[i].status === 'rejected').map((item) => item.fingerprint));
      // Items not published are not remembered, so the next poll offers them again.
      const { remember } = selectNewItems(state?.seen ?? [], accepted.filter((item) => !failed.has(item.fingerprint)), this.o.seenItems);
      const published = fresh.length - failed.size;
      if (failed.size > 0) {
        const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as Error;
        // Keep the old validators: the next poll must get the whole feed again.
        return { outcome: 'publish_failed', reason: `${failed.size} of ${fresh.length} new item(s) not published: ${reason.message}`, published, rejected, seen: remember };
      }
      return { outcome: published > 0 ? 'published' : 'unchanged', published, rejected, validators: fetched.validators, seen: remember };
    } catch (err) {
      if (!(err instanceof PollFailure)) throw err;
      return { outcome: err.code, reason: err.message, published: 0, rejected: 0, ...(err.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: err.retryAfterSeconds }) };
    }
  }

  private nextState(target: PollTarget, state: PollStateDoc | null, r: PollResult): PollStateDoc {
    const now = new Date();
    const succeeded = r.outcome === 'published' || r.outcome === 'unchanged' || r.outcome === 'not_modified';
    const failures = succeeded ? 0 : (state?.failures ?? 0) + 1;
    const delay = nextPollDelayMs({ everySeconds: target.poll.everySeconds, failures, maxBackoffSeconds: this.o.maxBackoffSeconds, ...(r.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: r.retryAfterSeconds }) });
    const validators = r.validators ?? (state ? { etag: state.etag, lastModified: state.lastModified } : {});
    const lastSuccessAt = succeeded ? now : state?.lastSuccessAt;
    return {
      _id: target.sourceId,
      ...(validators.etag ? { etag: validators.etag } : {}),
      ...(validators.lastModified ? { lastModified: validators.lastModified } : {}),
      seen: r.seen ?? state?.seen ?? [],
      failures,
      nextPollAt: new Date(now.getTime() + delay),
      lastPolledAt: now,
      lastPolledBy: this.lease.owner,
      lastOutcome: { outcome: r.outcome, ...(r.reason ? { reason: r.reason } : {}), published: r.published, rejected: r.rejected, at: now },
      ...(lastSuccessAt ? { lastSuccessAt } : {}),
    };
  }

  private record(target: PollTarget, r: PollResult): void {
    this.polls.inc({ source: target.sourceId, outcome: r.outcome });
    if (r.outcome === 'published' || r.outcome === 'unchanged' || r.outcome === 'not_modified') {
      this.lastSuccess.set({ source: target.sourceId }, Date.now() / 1000);
      this.logger.debug(`${target.sourceId}: ${r.outcome} (${r.published} published, ${r.rejected} rejected)`);
    } else {
      this.logger.warn(`${target.sourceId}: ${r.outcome}: ${r.reason ?? ''}`);
      if (r.outcome === 'unreadable') this.failures?.failed(target.sourceId, r.reason ?? 'unreadable');
    }
  }
}

/**
 * How to read a body: the server's Content-Type when it names a format the
 * intake reads, else the source's registered format (its charset kept), else
 * what the server said (refused as unreadable when it is nothing readable).
 */
export function contentTypeFor(served: string | undefined, format: string | undefined): string | undefined {
  const media = mediaTypeOf(served);
  if (media && isSupportedMediaType(media) && media !== 'application/octet-stream' && !(format && GENERIC.has(media))) return served;
  if (!format) return served;
  const charset = /;\s*charset\s*=\s*("?)([^";]+)\1/i.exec(served ?? '')?.[2];
  return charset ? `${format}; charset=${charset}` : format;
}

/** Types servers give feeds of every kind: the registered format says more. */
const GENERIC = new Set(['text/xml', 'application/xml', 'text/plain', 'application/json', 'text/json']);
