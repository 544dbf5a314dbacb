import { Controller, Inject, OnModuleInit } from '@nestjs/common';
import { ClientKafka, EventPattern, Payload } from '@nestjs/microservices';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { lastValueFrom } from 'rxjs';
import { KAFKA_CLIENT, topics } from '../config';
import type { DeduplicatedArticle, StoredEvent } from '../messages';
import { StoredArticle } from './article.schema';

const DUPLICATE_KEY = 11000;

@Controller()
export class StorageController implements OnModuleInit {
  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: ClientKafka,
    @InjectModel(StoredArticle.name) private readonly articles: Model<StoredArticle>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.connect();
  }

  @EventPattern(topics.deduplicated)
  async store(@Payload() message: DeduplicatedArticle): Promise<void> {
    const { article, entities } = message;
    try {
      await this.articles.create({
        _id: article.id,
        uri: article.uri,
        provider: article.provider,
        headline: article.headline,
        bodyText: article.bodyText,
        ...entities,
        summary: message.summary,
        wordCount: message.wordCount,
        contentHash: message.contentHash,
        duplicateOf: message.duplicateOf,
        ingestedAt: new Date(article.ingestedAt),
      });
    } catch (err) {
      // A redelivered message: the article is already stored.
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
    const stored: StoredEvent = {
      articleId: article.id,
      status: message.duplicateOf ? 'duplicate-recorded' : 'stored',
      storedAt: new Date().toISOString(),
      ingestedAt: article.ingestedAt,
    };
    await lastValueFrom(this.kafka.emit(topics.stored, { key: article.uri, value: stored }));
  }
}
