import type { Connection, mongo } from 'mongoose';
import type { PollOutcomeKind } from '@newswire/feed-poll';

/** What the poller remembers per source (`poll_state`, `_id` = source id: FerretDB indexes nothing else). */
export interface PollStateDoc {
  _id: string;
  /** Validators of the last full response whose items were all published. */
  etag?: string;
  lastModified?: string;
  /** Fingerprints of items published (or seen unchanged), newest first, bounded. */
  seen: string[];
  /** Failed polls in a row. */
  failures: number;
  nextPollAt: Date;
  lastPolledAt: Date;
  lastPolledBy: string;
  lastOutcome: { outcome: PollOutcomeKind; reason?: string; published: number; rejected: number; at: Date };
  lastSuccessAt?: Date;
}

export const POLL_STATE_COLLECTION = 'poll_state';
export const POLL_LEASES_COLLECTION = 'poll_leases';

export class PollStateStore {
  private readonly col: mongo.Collection<PollStateDoc>;

  constructor(connection: Connection) {
    this.col = connection.collection<PollStateDoc>(POLL_STATE_COLLECTION) as unknown as mongo.Collection<PollStateDoc>;
  }

  /** When each source is due next; a source never polled is due now. One `_id $in` read per tick. */
  async dueTimes(ids: string[]): Promise<Map<string, Date>> {
    const docs = await this.col.find({ _id: { $in: ids } }, { projection: { nextPollAt: 1 } }).toArray();
    return new Map(docs.map((d) => [d._id, d.nextPollAt]));
  }

  get(id: string): Promise<PollStateDoc | null> {
    return this.col.findOne({ _id: id });
  }

  async save(doc: PollStateDoc): Promise<void> {
    await this.col.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
