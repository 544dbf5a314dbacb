import type { Connection, Model } from 'mongoose';
import type { ArticleDeduplicated } from '@newswire/contracts';
import { type ArticleDoc, articleModel, type DuplicateDoc, duplicateModel } from './article.model';

export type StoreOutcome = 'stored' | 'unchanged' | 'duplicate-recorded';

/**
 * Writes are upserts keyed by the platform id with `$setOnInsert`, so a
 * redelivered message (Kafka is at-least-once) never creates a second
 * document and never rewrites the first.
 */
export class ArticleRepository {
  readonly articles: Model<ArticleDoc>;
  readonly duplicates: Model<DuplicateDoc>;

  constructor(connection: Connection) {
    this.articles = articleModel(connection);
    this.duplicates = duplicateModel(connection);
  }

  async ensureIndexes(): Promise<void> {
    await this.articles.createIndexes();
    await this.duplicates.createIndexes();
  }

  async store(message: ArticleDeduplicated, now = new Date()): Promise<StoreOutcome> {
    const { article, enrichment, dedup } = message;
    if (dedup.status === 'duplicate') {
      const res = await this.duplicates.updateOne(
        { _id: article.id },
        {
          $setOnInsert: {
            clusterId: dedup.clusterId,
            duplicateOf: dedup.duplicateOf ?? dedup.clusterId,
            uri: article.uri,
            headline: article.headline,
            method: dedup.method,
            receivedAt: new Date(article.source.receivedAt),
            recordedAt: now,
          },
        },
        { upsert: true },
      );
      return res.upsertedCount === 1 ? 'duplicate-recorded' : 'unchanged';
    }
    const doc: Omit<ArticleDoc, '_id'> = {
      uri: article.uri,
      headline: article.headline,
      bodyText: article.bodyText,
      firstCreated: article.firstCreated ? new Date(article.firstCreated) : undefined,
      language: enrichment.language,
      publisher: article.publisher,
      clusterId: dedup.clusterId,
      article,
      enrichment,
      dedup,
      storedAt: now,
    };
    const res = await this.articles.updateOne({ _id: article.id }, { $setOnInsert: doc }, { upsert: true });
    return res.upsertedCount === 1 ? 'stored' : 'unchanged';
  }

  findById(id: string) {
    return this.articles.findById(id).lean().exec();
  }
}
