import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, mongo } from 'mongoose';
import { type Candidate, storedFingerprint } from '@newswire/dedup';
import { collection, COLLECTIONS } from '@newswire/dedup-data';
import { findByIds } from './find-by-ids';
import { storeOp } from '@newswire/dedup-data';

/** `_id` is the article id; enough of the article to score a later one against it. */
export interface FingerprintDoc {
  _id: string;
  sig: string;
  size: number;
  /** Its band keys, so a later article can tell which keys the two share. */
  bands: string[];
  source: string;
  uri: string;
  at: Date;
}

export class FingerprintRepository {
  readonly col: mongo.Collection<FingerprintDoc>;

  /** With a tracer, each store call is a span (dedup.fingerprints.<method>). */
  constructor(connection: Connection, tracer?: Tracer) {
    this.col = collection<FingerprintDoc>(connection, COLLECTIONS.fingerprints);
    withStoreSpans<FingerprintRepository>(this, tracer, 'dedup.fingerprints', ['save', 'candidates']);
  }

  /** Idempotent, and written before any band claim so whoever sees the claim can verify it. */
  async save(doc: FingerprintDoc): Promise<void> {
    await storeOp('fingerprint save', () => this.col.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async candidates(ids: readonly string[]): Promise<Map<string, Candidate>> {
    const docs = await storeOp('fingerprint lookup', () => findByIds(this.col, ids));
    return new Map(docs.map((d) => [d._id, { articleId: d._id, source: d.source, uri: d.uri, fingerprint: storedFingerprint(d.sig, d.size), bandKeys: d.bands, at: d.at.getTime() }]));
  }
}
