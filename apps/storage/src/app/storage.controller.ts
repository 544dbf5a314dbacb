import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleDeduplicated, type ArticleStored, storyKeyOf, TOPICS } from '@newswire/contracts';
import { ArticleRepository } from '@newswire/archive-data';
import type { OutboundMessage } from '@newswire/kafka';

@Controller()
export class StorageController {
  constructor(@Inject(ArticleRepository) private readonly articles: ArticleRepository) {}

  /** One stored event per message, whatever the outcome, so subscribers can follow the archive. */
  @EventPattern(TOPICS.articleDeduplicated)
  async handle(@Payload() message: ArticleDeduplicated): Promise<OutboundMessage<ArticleStored>[]> {
    const { article, dedup } = message;
    const [result] = await this.articles.storeMany([message]);
    return [
      {
        topic: TOPICS.articleStored,
        key: storyKeyOf(article),
        value: {
          articleId: article.id,
          clusterId: dedup.clusterId,
          status: result.outcome,
          storyKey: result.storyKey,
          duplicateOf: dedup.duplicateOf,
          headline: article.headline,
          storedAt: new Date().toISOString(),
        },
      },
    ];
  }
}
