import { Logger } from '@nestjs/common';
import type { ArticleRepository } from '@newswire/archive-data';

/**
 * Moves the list index's recent postings (one small document per bucket per batch) into
 * compacted blocks, every `intervalMs`, one run at a time. Only FerretDB keeps a list index;
 * elsewhere a run does nothing. Several storage instances may run it at once: their blocks may
 * repeat each other's postings (read as one), never lose one.
 */
export class ListIndexCompactor {
  private readonly logger = new Logger('ListIndexCompactor');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly articles: ArticleRepository,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.run().finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a run in progress, so the store closes after it. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      const moved = await this.articles.compactListIndex();
      if (moved > 0) this.logger.debug(`compacted ${moved} recent list-index documents`);
    } catch (err) {
      // The next run tries again; postings stay readable where they are meanwhile.
      this.logger.warn(`list-index compaction failed: ${(err as Error).message}`);
    }
  }
}
