import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type ArticleEnriched,
  type ArticleReceived,
  storyKeyOf,
  TOPICS,
} from '@newswire/contracts';
import { enrich } from '@newswire/enrichment';
import { type OutboundMessage, STAGE_BATCH } from '@newswire/kafka';

@Controller()
export class EnricherController {
  /** CPU-bound work: a chunk of validated articles per call, outputs published in one request. */
  @EventPattern(TOPICS.articleReceived, STAGE_BATCH)
  handle(
    @Payload() articles: ArticleReceived[],
  ): OutboundMessage<ArticleEnriched>[][] {
    return articles.map((article) => [
      {
        topic: TOPICS.articleEnriched,
        key: storyKeyOf(article),
        value: {
          article,
          enrichment: enrich({
            headline: article.headline,
            bodyText: article.bodyText,
            language: article.language,
            dateline: article.dateline,
            located: article.located,
            firstCreated: article.firstCreated,
          }),
        },
      },
    ]);
  }
}
