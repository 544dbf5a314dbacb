import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, mongo } from 'mongoose';
import type { DedupVerdict } from '@newswire/contracts';
import { collection, COLLECTIONS } from '@newswire/dedup-data';
import { storeOp } from '@newswire/dedup-data';

/** `_id` is the article id: a redelivered article gets the verdict it was given, not a new one. */
export interface VerdictDoc {
  _id: string;
  verdict: DedupVerdict;
}

export class VerdictRepository {
  readonly col: mongo.Collection<VerdictDoc>;

  /** With a tracer, each store call is a span (dedup.verdicts.<method>). */
  constructor(connection: Connection, tracer?: Tracer) {
    this.col = collection<VerdictDoc>(connection, COLLECTIONS.verdicts);
    withStoreSpans<VerdictRepository>(this, tracer, 'dedup.verdicts', ['save', 'get']);
  }

  async get(articleId: string): Promise<DedupVerdict | undefined> {
    const doc = await storeOp('verdict lookup', () => this.col.findOne({ _id: articleId }));
    return doc?.verdict;
  }

  async save(articleId: string, verdict: DedupVerdict): Promise<void> {
    // Strip undefined: FerretDB and BSON would store them as null.
    const clean = JSON.parse(JSON.stringify(verdict)) as DedupVerdict;
    await storeOp('verdict save', () => this.col.replaceOne({ _id: articleId }, { verdict: clean }, { upsert: true }));
  }
}
