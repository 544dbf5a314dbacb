import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleDeduplicated, type ArticleStored, storyKeyOf, TOPICS } from '@newswire/contracts';
import { ArticleRepository } from '@newswire/archive-data';
import type { OutboundMessage } from '@newswire/kafka';

@Controller()
export class StorageController {
  constructor(@Inject(ArticleRepository) private readonly articles: ArticleRepository) {}

  @EventPattern(TOPICS.articleDeduplicated)
  async handle(@Payload() message: ArticleDeduplicated): Promise<OutboundMessage<ArticleStored>[]> {
    const { article, dedup } = message;
    const status = await this.articles.store(message);
    return [
      {
        topic: TOPICS.articleStored,
        key: storyKeyOf(article),
        value: {
          articleId: article.id,
          clusterId: dedup.clusterId,
          status,
          duplicateOf: dedup.duplicateOf,
          headline: article.headline,
          storedAt: new Date().toISOString(),
        },
      },
    ];
  }
}
