import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  type ArticleEnriched,
  type ArticleReceived,
  storyKeyOf,
  TOPICS,
} from '@newswire/contracts';
import { enrich, type EnrichOptions } from '@newswire/enrichment';
import { type OutboundMessage, STAGE_BATCH } from '@newswire/kafka';

/** Injection token of the enrichment options the configuration chose. */
export const ENRICH_OPTIONS = Symbol('ENRICH_OPTIONS');

@Controller()
export class EnricherController {
  constructor(@Inject(ENRICH_OPTIONS) private readonly options: EnrichOptions) {}

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
          }, undefined, this.options),
        },
      },
    ]);
  }
}
