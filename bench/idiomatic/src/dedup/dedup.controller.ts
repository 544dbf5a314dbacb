import { createHash } from 'node:crypto';
import { Controller, Inject, OnModuleInit } from '@nestjs/common';
import { ClientKafka, EventPattern, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { lastValueFrom } from 'rxjs';
import { KAFKA_CLIENT, topics } from '../config';
import type { DeduplicatedArticle, EnrichedArticle } from '../messages';
import { ContentHash } from './content-hash.schema';

const DUPLICATE_KEY = 11000;

/** Exact copies only: same normalised headline and text. */
export function contentHashOf(headline: string, bodyText: string): string {
  return createHash('sha256').update(`${headline}\n${bodyText}`.toLowerCase().replace(/\s+/g, ' ').trim()).digest('hex');
}

@Controller()
export class DedupController implements OnModuleInit {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: ClientKafka,
    @InjectModel(ContentHash.name) private readonly hashes: Model<ContentHash>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.connect();
  }

  @EventPattern(topics.enriched)
  async dedup(@Payload() enriched: EnrichedArticle): Promise<void> {
    const { article } = enriched;
    const hash = contentHashOf(article.headline, article.bodyText);
    const duplicateOf = await this.firstWith(hash, article.id);
    const out: DeduplicatedArticle = { ...enriched, contentHash: hash, duplicateOf };
    await lastValueFrom(this.kafka.emit(topics.deduplicated, { key: article.uri, value: out }));
  }

  /** The article that first carried this text, unless it is this one. */
  private async firstWith(hash: string, articleId: string): Promise<string | undefined> {
    const existing = await this.hashes.findOne({ hash }).lean().exec();
    if (existing) return existing.articleId === articleId ? undefined : existing.articleId;
    try {
      await this.hashes.create({ hash, articleId });
      return undefined;
    } catch (err) {
      // Another copy claimed it between our read and our insert (the unique index decides).
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
      const winner = await this.hashes.findOne({ hash }).lean().exec();
      return winner?.articleId;
    }
  }
}
