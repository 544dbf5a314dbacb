import type { Tracer } from '@opentelemetry/api';
import { withStoreSpans } from '@newswire/observability';
import type { Connection, Model } from 'mongoose';
import { type ContentHashDoc, contentHashModel } from './content-hash.model';
import { isDuplicateKey, storeOp } from '@newswire/dedup-data';

/**
 * The shared view of which article first carried a text. The unique `_id`
 * makes the first insert win across any number of deduplicator instances,
 * with no read-then-write race. A claim older than `cutoff` (outside the
 * dedup window) is taken over by a conditional update, again atomically.
 */
export class ContentHashRepository {
  private readonly model: Model<ContentHashDoc>;

  /** With a tracer, each store call is a span (dedup.hashes.<method>). */
  constructor(connection: Connection, tracer?: Tracer) {
    this.model = contentHashModel(connection);
    withStoreSpans<ContentHashRepository>(this, tracer, 'dedup.hashes', ['claim']);
  }

  async claim(hash: string, articleId: string, now = new Date(), cutoff?: Date): Promise<{ claimedBy: string; firstSeenAt: Date }> {
    try {
      await this.model.create({ _id: hash, articleId, firstSeenAt: now });
      return { claimedBy: articleId, firstSeenAt: now };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return storeOp('content hash lookup', async () => {
        if (cutoff) {
          const taken = await this.model.updateOne({ _id: hash, firstSeenAt: { $lt: cutoff } }, { $set: { articleId, firstSeenAt: now } }).exec();
          if (taken.matchedCount === 1) return { claimedBy: articleId, firstSeenAt: now };
        }
        const existing = await this.model.findById(hash).lean().exec();
        if (!existing) throw err;
        return { claimedBy: existing.articleId, firstSeenAt: existing.firstSeenAt };
      });
    }
  }
}
