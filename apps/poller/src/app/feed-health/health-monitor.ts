import { Logger } from '@nestjs/common';
import { evaluateSources, type HealthEventsPort, type HealthSettings, type HealthVerdict, type WatchedSource } from '@newswire/feed-health';
import type { KeyedLease } from '@newswire/mongo';
import type { ServiceMetrics } from '@newswire/observability';
import { SourceHealthStatus } from '@newswire/contracts';
import type { MongoHealthStore } from './health-store';

/** The one lease all instances compete for: one evaluator at a time. */
export const EVALUATOR_LEASE = 'feed-health-evaluator';

/**
 * Every `tickMs`, the instance holding the evaluator lease judges every
 * watched source and announces transitions; every instance then exports
 * the stored verdicts as gauges, so whichever one Prometheus scrapes agrees.
 */
export class HealthMonitor {
  private readonly logger = new Logger('feed-health');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly sources: readonly WatchedSource[],
    private readonly store: MongoHealthStore,
    private readonly events: HealthEventsPort,
    private readonly lease: KeyedLease,
    private readonly metrics: ServiceMetrics,
    private readonly opts: { tickMs: number; settings: HealthSettings; now?: () => number },
  ) {}

  start(): void {
    if (this.sources.length === 0) return;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((err) => this.logger.warn(`evaluation failed, trying again next tick: ${(err as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.opts.tickMs);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One evaluation if this instance holds the lease; the gauges either way. */
  async tick(): Promise<void> {
    const now = (this.opts.now ?? Date.now)();
    const held = await this.lease.holdIfFree(EVALUATOR_LEASE, async () => {
      const { verdicts, events } = await evaluateSources(this.sources, this.store, this.events, now, this.opts.settings);
      for (const e of events) this.logger.log(`${e.sourceId}: ${e.previousStatus} -> ${e.status}: ${e.reason}`);
      return verdicts;
    });
    this.export(held.held ? held.value : await this.store.verdicts(this.sources.map((s) => s.id)), now);
  }

  private export(verdicts: Map<string, HealthVerdict>, now: number): void {
    for (const source of this.sources) {
      const verdict = verdicts.get(source.id);
      for (const status of SourceHealthStatus.options) this.metrics.sourceHealth.labels(source.id, status).set((verdict?.status ?? 'unknown') === status ? 1 : 0);
      if (verdict) this.metrics.sourceSilence.labels(source.id).set(Math.round((now - (verdict.lastSeenAt ?? verdict.trackedSince)) / 1000));
    }
  }
}
