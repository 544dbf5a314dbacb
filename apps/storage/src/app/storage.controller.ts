import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  type ArticleDeduplicated,
  type ArticleStored,
  HEADERS,
  storyKeyOf,
  TOPICS,
} from '@newswire/contracts';
import { ArticleRepository, type StoreResult } from '@newswire/archive-data';
import { headersToStrings, KafkaStageContext, type OutboundMessage, STAGE_BATCH } from '@newswire/kafka';

type Outcome = Pick<StoreResult, 'storyKey'> & { outcome: ArticleStored['status']; enrichmentVersion?: number };

@Controller()
export class StorageController {
  constructor(
    @Inject(ArticleRepository) private readonly articles: ArticleRepository,
  ) {}

  /**
   * A chunk of messages in three bulk writes; one stored event per message,
   * whatever the outcome, so subscribers can follow the archive. A replayed
   * enrichment (`x-replay: enrichment`) becomes a new enrichment version of
   * the stored story, never a story, version or duplicate.
   */
  @EventPattern(TOPICS.articleDeduplicated, STAGE_BATCH)
  async handle(
    @Payload() messages: ArticleDeduplicated[],
    @Ctx() ctx: KafkaStageContext,
  ): Promise<OutboundMessage<ArticleStored>[][]> {
    const headers = messages.map((_, i) => headersToStrings(ctx.messages[i]?.headers));
    const replayed = messages.map((_, i) => headers[i][HEADERS.replay] === 'enrichment');
    const pick = <T>(list: T[], replay: boolean) => list.filter((_, i) => replayed[i] === replay);

    const stored = await this.articles.storeMany(pick(messages, false), new Date(), pick(headers, false).map((h) => ({ traceparent: h['traceparent'] })));
    const reEnriched = await this.articles.reEnrichMany(pick(messages, true), pick(headers, true).map((h) => ({ replayId: h[HEADERS.replayId] })));
    const results: Outcome[] = [];
    let s = 0;
    let r = 0;
    for (const replay of replayed) results.push(replay ? reEnriched[r++] : stored[s++]);

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
          ...(results[i].enrichmentVersion ? { enrichmentVersion: results[i].enrichmentVersion } : {}),
        },
      },
    ]);
  }
}
