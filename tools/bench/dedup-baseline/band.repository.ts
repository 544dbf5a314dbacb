import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, mongo } from 'mongoose';
import type { BandClaim } from '@newswire/dedup';
import { collection, COLLECTIONS } from '@newswire/dedup-data';
import { findByIds } from './find-by-ids';
import { isDuplicateKey, storeOp } from '@newswire/dedup-data';

/** `_id` is the band key `"<band>:<hex>"`; the first article to insert it owns it. */
export interface BandDoc {
  _id: string;
  articleId: string;
  clusterId: string;
  at: Date;
}

export interface ClaimOutcome {
  /** Keys this article now owns. */
  won: string[];
  /** Keys another writer took between our lookup and our insert: our view was stale. */
  lost: string[];
}

/** The LSH candidate index: one small document per band key. */
export class BandRepository {
  readonly col: mongo.Collection<BandDoc>;

  /** With a tracer, each store call is a span (dedup.bands.<method>). */
  constructor(connection: Connection, tracer?: Tracer) {
    this.col = collection<BandDoc>(connection, COLLECTIONS.bands);
    withStoreSpans<BandRepository>(this, tracer, 'dedup.bands', ['lookup', 'claim', 'reassign']);
  }

  async lookup(keys: readonly string[]): Promise<BandClaim[]> {
    const docs = await storeOp('band lookup', () => findByIds(this.col, keys));
    return docs.map((d) => ({ key: d._id, articleId: d.articleId, clusterId: d.clusterId, at: d.at.getTime() }));
  }

  /**
   * Inserts the absent keys (first insert wins) and takes over keys whose
   * owner fell out of the window, each in one conditional write.
   */
  async claim(absent: readonly string[], expired: readonly string[], owner: { articleId: string; clusterId: string; at: Date }, cutoff: Date): Promise<ClaimOutcome> {
    const won: string[] = [];
    const lost: string[] = [];
    if (absent.length > 0) {
      const lostKeys = await storeOp('band insert', () => this.insertAbsent(absent, owner));
      lost.push(...lostKeys);
      won.push(...absent.filter((k) => !lostKeys.includes(k)));
    }
    await Promise.all(
      expired.map(async (k) => {
        const r = await storeOp('band takeover', () => this.col.updateOne({ _id: k, at: { $lt: cutoff } }, { $set: owner }));
        (r.matchedCount === 1 ? won : lost).push(k);
      }),
    );
    return { won, lost };
  }

  /** Returns the keys someone else inserted first. */
  private async insertAbsent(keys: readonly string[], owner: Omit<BandDoc, '_id'>): Promise<string[]> {
    try {
      await this.col.insertMany(keys.map((k) => ({ _id: k, ...owner })), { ordered: false });
      return [];
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return ((err as { writeErrors?: { index: number }[] }).writeErrors ?? []).map((w) => keys[w.index]);
    }
  }

  /** After a lost race changed our cluster, the keys we own must say so. */
  async reassign(keys: readonly string[], articleId: string, clusterId: string): Promise<void> {
    await storeOp('band reassign', () => Promise.all(keys.map((k) => this.col.updateOne({ _id: k, articleId }, { $set: { clusterId } }))));
  }
}

