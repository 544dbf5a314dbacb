import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleDeduplicated, type ArticleEnriched, storyKeyOf, TOPICS } from '@newswire/contracts';
import { storyEventsOf } from '@newswire/dedup';
import type { OutboundMessage } from '@newswire/kafka';
import { DedupService } from './dedup.service';

@Controller()
export class DeduplicatorController {
  private readonly logger = new Logger('deduplicator');

  constructor(@Inject(DedupService) private readonly dedup: DedupService) {}

  @EventPattern(TOPICS.articleEnriched)
  async handle(@Payload() message: ArticleEnriched): Promise<OutboundMessage[]> {
    const { article } = message;
    const key = storyKeyOf(article);
    const dedup = await this.dedup.verdictFor(article);
    // The line names the story (the consumer's log scope); why it was judged so is the operator's first question.
    this.logger.debug(`verdict ${dedup.status} by ${dedup.method}${dedup.duplicateOf ? ` of ${dedup.duplicateOf}` : ''}${dedup.explanation ? `: ${dedup.explanation}` : ''}`);
    const out: OutboundMessage[] = [{ topic: TOPICS.articleDeduplicated, key, value: { ...message, dedup } satisfies ArticleDeduplicated }];
    const events = storyEventsOf(article, dedup);
    if (events.killed) out.push({ topic: TOPICS.storyKilled, key, value: events.killed });
    if (events.corrected) out.push({ topic: TOPICS.storyCorrected, key, value: events.corrected });
    return out;
  }
}
