import type { Connection, mongo } from 'mongoose';
import { SOURCE_HEALTH_COLLECTION, type SourceHealthDoc } from '@newswire/feed-health';

/** The poller's feed-health verdicts (`source_health`), read by id. */
export class SourceHealthReader {
  private readonly col: mongo.Collection<SourceHealthDoc>;

  constructor(connection: Connection, private readonly maxTimeMS: number) {
    this.col = connection.collection<SourceHealthDoc>(SOURCE_HEALTH_COLLECTION) as unknown as mongo.Collection<SourceHealthDoc>;
  }

  /** Counters stay in the store: the verdict says everything the API shows. */
  read(sourceId: string): Promise<SourceHealthDoc | null> {
    return this.col.findOne({ _id: sourceId }, { projection: { verdict: 1, lastSeenAt: 1, trackedSince: 1 }, maxTimeMS: this.maxTimeMS });
  }
}
