import { Logger } from '@nestjs/common';
import { tallyOf } from '@newswire/feed-health';
import type { MongoHealthStore } from './health-store';

/**
 * Where the poller reports a source's input it could not read at all (a
 * polled feed answered with a document that is nothing readable; a dropped
 * file that yields no story), so feed health counts them as parse failures
 * beside the dead letters. Items refused one by one inside a readable feed
 * are not counted: a feed offers them again at every poll.
 */
export interface SourceFailures {
  failed(sourceId: string, reason: string): void;
}

/** Counts into `source_health` (the intake's `$inc`); a store error is logged, never fails the poll. */
export class StoreSourceFailures implements SourceFailures {
  private readonly logger = new Logger('feed-health:failures');

  constructor(private readonly store: MongoHealthStore) {}

  failed(sourceId: string, reason: string): void {
    this.store.add(tallyOf([], [{ sourceId, at: Date.now(), reason }])).catch((err: unknown) => this.logger.warn(`${sourceId}: parse failure not counted: ${(err as Error).message}`));
  }
}
