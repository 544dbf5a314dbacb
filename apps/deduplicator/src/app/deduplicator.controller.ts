import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleDeduplicated, type ArticleEnriched, HEADERS, storyKeyOf, TOPICS } from '@newswire/contracts';
import { storyEventsOf } from '@newswire/dedup';
import { KafkaStageContext, type OutboundMessage } from '@newswire/kafka';
import { DedupService } from './dedup.service';

@Controller()
export class DeduplicatorController {
  private readonly logger = new Logger('deduplicator');

  constructor(@Inject(DedupService) private readonly dedup: DedupService) {}

  @EventPattern(TOPICS.articleEnriched)
  async handle(@Payload() message: ArticleEnriched, @Ctx() ctx: KafkaStageContext): Promise<OutboundMessage[]> {
    const { article } = message;
    const key = storyKeyOf(article);
    // A replayed article gets the verdict it was first given (verdicts are kept by article id).
    const dedup = await this.dedup.verdictFor(article);
    // The line names the story (the consumer's log scope); why it was judged so is the operator's first question.
    this.logger.debug(`verdict ${dedup.status} by ${dedup.method}${dedup.duplicateOf ? ` of ${dedup.duplicateOf}` : ''}${dedup.explanation ? `: ${dedup.explanation}` : ''}`);
    const out: OutboundMessage[] = [{ topic: TOPICS.articleDeduplicated, key, value: { ...message, dedup } satisfies ArticleDeduplicated }];
    // A replay re-runs enrichment only: the kill or correction was announced when the story arrived.
    if (ctx.message?.headers?.[HEADERS.replay] !== undefined) return out;
    const events = storyEventsOf(article, dedup);
    if (events.killed) out.push({ topic: TOPICS.storyKilled, key, value: events.killed });
    if (events.corrected) out.push({ topic: TOPICS.storyCorrected, key, value: events.corrected });
    return out;
  }
}
