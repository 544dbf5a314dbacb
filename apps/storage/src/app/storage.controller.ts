import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type ArticleDeduplicated,
  type ArticleStored,
  storyKeyOf,
  TOPICS,
} from '@newswire/contracts';
import { ArticleRepository } from '@newswire/archive-data';
import { type OutboundMessage, STAGE_BATCH } from '@newswire/kafka';

@Controller()
export class StorageController {
  constructor(
    @Inject(ArticleRepository) private readonly articles: ArticleRepository,
  ) {}

  /**
   * A chunk of messages in three bulk writes; one stored event per message,
   * whatever the outcome, so subscribers can follow the archive.
   */
  @EventPattern(TOPICS.articleDeduplicated, STAGE_BATCH)
  async handle(
    @Payload() messages: ArticleDeduplicated[],
  ): Promise<OutboundMessage<ArticleStored>[][]> {
    const results = await this.articles.storeMany(messages);
    const storedAt = new Date().toISOString();
    return messages.map(({ article, dedup }, i) => [
      {
        topic: TOPICS.articleStored,
        key: storyKeyOf(article),
        value: {
          articleId: article.id,
          clusterId: dedup.clusterId,
          status: results[i].outcome,
          storyKey: results[i].storyKey,
          duplicateOf: dedup.duplicateOf,
          headline: article.headline,
          storedAt,
        },
      },
    ]);
  }
}
