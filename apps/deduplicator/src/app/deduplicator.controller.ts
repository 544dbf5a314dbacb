import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleDeduplicated, type ArticleEnriched, type DedupVerdict, HEADERS, storyKeyOf, TOPICS } from '@newswire/contracts';
import { storyEventsOf } from '@newswire/dedup';
import { KafkaStageContext, type OutboundMessage, STAGE_BATCH } from '@newswire/kafka';
import { ChunkDeduplicator } from './chunk-deduplicator';

@Controller()
export class DeduplicatorController {
  private readonly logger = new Logger('deduplicator');

  constructor(@Inject(ChunkDeduplicator) private readonly dedup: ChunkDeduplicator) {}

  /**
   * A chunk of messages decided together (a few store round trips for the
   * chunk); one deduplicated event per message, plus the story's kill or
   * correction. A store outage fails the whole chunk and is waited out; any
   * other failure replays the chunk message by message, so a poison message
   * is dead-lettered alone.
   */
  @EventPattern(TOPICS.articleEnriched, STAGE_BATCH)
  async handle(@Payload() messages: ArticleEnriched[], @Ctx() ctx: KafkaStageContext): Promise<OutboundMessage[][]> {
    // A replayed article gets the verdict it was first given (verdicts are kept by article id).
    const verdicts = await this.dedup.verdictsFor(messages.map((m) => m.article));
    return messages.map((message, i) => {
      const own = ctx.messages[i];
      // Why it was judged so is the operator's first question: said in the story's own log scope and trace.
      own.inScope(() => this.explain(verdicts[i]));
      return this.outputsOf(message, verdicts[i], own.headers?.[HEADERS.replay] !== undefined);
    });
  }

  private explain(dedup: DedupVerdict): void {
    this.logger.debug(`verdict ${dedup.status} by ${dedup.method}${dedup.duplicateOf ? ` of ${dedup.duplicateOf}` : ''}${dedup.explanation ? `: ${dedup.explanation}` : ''}`);
  }

  private outputsOf(message: ArticleEnriched, dedup: DedupVerdict, replayed: boolean): OutboundMessage[] {
    const { article } = message;
    const key = storyKeyOf(article);
    const out: OutboundMessage[] = [{ topic: TOPICS.articleDeduplicated, key, value: { ...message, dedup } satisfies ArticleDeduplicated }];
    // A replay re-runs enrichment only: the kill or correction was announced when the story arrived.
    if (replayed) return out;
    const events = storyEventsOf(article, dedup);
    if (events.killed) out.push({ topic: TOPICS.storyKilled, key, value: events.killed });
    if (events.corrected) out.push({ topic: TOPICS.storyCorrected, key, value: events.corrected });
    return out;
  }
}
