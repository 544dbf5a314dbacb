import type { Connection, Model } from 'mongoose';
import { type ContentHashDoc, contentHashModel } from './content-hash.model';

const DUPLICATE_KEY = 11000;

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === DUPLICATE_KEY;
}

/**
 * The shared view of which article first carried a text. The unique `_id`
 * makes the first insert win across any number of deduplicator instances,
 * with no read-then-write race.
 */
export class ContentHashRepository {
  private readonly model: Model<ContentHashDoc>;

  constructor(connection: Connection) {
    this.model = contentHashModel(connection);
  }

  async claim(hash: string, articleId: string, now = new Date()): Promise<{ claimedBy: string }> {
    try {
      await this.model.create({ _id: hash, articleId, firstSeenAt: now });
      return { claimedBy: articleId };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const existing = await this.model.findById(hash).lean().exec();
      if (!existing) throw err;
      return { claimedBy: existing.articleId };
    }
  }
}
