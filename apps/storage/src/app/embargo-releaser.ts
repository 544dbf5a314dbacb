import { Logger } from '@nestjs/common';
import type { ArticleDoc, DueRelease, EmbargoLedger } from '@newswire/archive-data';
import { type ArticleStored, type StoryReleased, TOPICS } from '@newswire/contracts';
import type { OutboundMessage } from '@newswire/kafka';
import type { KeyedLease } from '@newswire/mongo';
import type { ServiceMetrics } from '@newswire/observability';
import { ninjsOfStored } from './ninjs-out';

/** The one lease every storage instance's releaser competes for. */
export const RELEASER_LEASE_KEY = 'embargo-releaser';

export interface ReleaserOptions {
  intervalMs: number;
  /** Releases per lease-holding round at most; the next round takes the rest. */
  batch: number;
  /** Also send the released story as ninjs (NINJS_TOPIC), after its stored event. */
  ninjs?: boolean;
}

/**
 * Makes held stories public once their embargo passes: every `intervalMs` (and at once when
 * poked, after a new version lifted a hold) one instance at a time, under a lease, reads the due
 * holds from `embargo_due` and for each sends the release event, then the story's stored event,
 * then records the release and clears the hold. A crash between sending and recording sends the
 * same release (same releaseId) again on the next round; the audit keeps one release entry.
 */
export class EmbargoReleaser {
  private readonly logger = new Logger('EmbargoReleaser');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly ledger: EmbargoLedger,
    private readonly lease: KeyedLease,
    private readonly publish: (message: OutboundMessage) => Promise<void>,
    private readonly metrics: ServiceMetrics | undefined,
    private readonly options: ReleaserOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.poke(), this.options.intervalMs);
    this.timer.unref();
  }

  /** A round now, or right after the one under way. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round().then(() => undefined).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.poke();
      }
    });
  }

  /** Stops the timer and waits for a round in progress, so the store and the producer close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One round under the lease: how many stories it released, or undefined when another instance holds the lease or it failed. */
  async round(): Promise<number | undefined> {
    try {
      const round = await this.lease.holdIfFree(RELEASER_LEASE_KEY, (lost) => this.releaseDue(lost));
      return round.held ? round.value : undefined;
    } catch (err) {
      // Holds stay due: the next round tries again.
      this.logger.warn(`embargo release round failed: ${(err as Error).message}`);
      return undefined;
    }
  }

  /** Releases what is due now, in rounds of `batch`, until nothing is due or the lease is lost. */
  async releaseDue(lost?: AbortSignal): Promise<number> {
    let released = 0;
    for (;;) {
      const now = new Date();
      const due = await this.ledger.dueAt(now, this.options.batch);
      this.metrics?.embargoesDue.set(due.length);
      for (const entry of due) {
        if (lost?.aborted || this.stopped) return released;
        const release = await this.ledger.releasable(entry, now);
        if (!release) continue;
        await this.send(release, now);
        await this.ledger.completeRelease(release, new Date());
        this.metrics?.embargoes.inc({ action: 'release' });
        released++;
      }
      if (due.length < this.options.batch) {
        this.metrics?.embargoesDue.set(0);
        return released;
      }
    }
  }

  private async send(release: DueRelease, now: Date): Promise<void> {
    const { story, due, releaseId } = release;
    const releasedAt = now.toISOString();
    const event: StoryReleased = {
      releaseId,
      storyKey: story._id,
      articleId: story.articleId,
      headline: story.headline,
      embargoedUntil: story.heldUntil.toISOString(),
      reason: due.reason === 'lifted' ? 'lifted' : 'due',
      releasedAt,
    };
    await this.publish({ topic: TOPICS.storyReleased, key: story._id, value: event });
    await this.publish({ topic: TOPICS.articleStored, key: story._id, value: storedEventOf(story, releasedAt) });
    if (this.options.ninjs) await this.publish(ninjsOfStored(story));
  }
}

/** The stored event the story's current version would have had without the embargo. */
export function storedEventOf(story: ArticleDoc, storedAt: string): ArticleStored {
  return {
    articleId: story.articleId,
    clusterId: story.clusterId,
    status: story.killed ? 'killed' : 'stored',
    storyKey: story._id,
    duplicateOf: story.dedup?.duplicateOf,
    headline: story.headline,
    storedAt,
    ...(story.enrichmentVersion && story.enrichmentVersion > 1 ? { enrichmentVersion: story.enrichmentVersion } : {}),
  };
}
