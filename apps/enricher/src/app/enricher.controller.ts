import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleEnriched, type ArticleReceived, storyKeyOf, TOPICS } from '@newswire/contracts';
import { enrich } from '@newswire/enrichment';
import type { OutboundMessage } from '@newswire/kafka';

@Controller()
export class EnricherController {
  @EventPattern(TOPICS.articleReceived)
  handle(@Payload() article: ArticleReceived): OutboundMessage<ArticleEnriched>[] {
    const enrichment = enrich({
      headline: article.headline,
      bodyText: article.bodyText,
      language: article.language,
      dateline: article.dateline,
      located: article.located,
      firstCreated: article.firstCreated,
    });
    return [{ topic: TOPICS.articleEnriched, key: storyKeyOf(article), value: { article, enrichment } }];
  }
}
