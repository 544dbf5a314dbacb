import { Controller, Inject, Optional } from '@nestjs/common';
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
import { ServiceMetrics } from '@newswire/observability';
import { EmbargoReleaser } from './embargo-releaser';
import { NINJS_OUT, ninjsOfMessage, sendsNinjs } from './ninjs-out';

type Outcome = Pick<StoreResult, 'storyKey' | 'embargo'> & { outcome: ArticleStored['status']; enrichmentVersion?: number };

/** A replayed enrichment of a story still under its embargo says nothing in public either. */
const underEmbargo = (message: ArticleDeduplicated, now: Date) => !!message.article.embargoed && Date.parse(message.article.embargoed) > now.getTime();

@Controller()
export class StorageController {
  constructor(
    @Inject(ArticleRepository) private readonly articles: ArticleRepository,
    @Inject(EmbargoReleaser) private readonly releaser: EmbargoReleaser,
    @Optional() @Inject(ServiceMetrics) private readonly metrics?: ServiceMetrics,
    @Optional() @Inject(NINJS_OUT) private readonly ninjs = false,
  ) {}

  /**
   * A chunk of messages in three bulk writes; one stored event per message,
   * whatever the outcome, so subscribers can follow the archive. A replayed
   * enrichment (`x-replay: enrichment`) becomes a new enrichment version of
   * the stored story, never a story, version or duplicate. A story under embargo sends no
   * stored event while held: its release sends it (EmbargoReleaser).
   */
  @EventPattern(TOPICS.articleDeduplicated, STAGE_BATCH)
  async handle(
    @Payload() messages: ArticleDeduplicated[],
    @Ctx() ctx: KafkaStageContext,
  ): Promise<OutboundMessage[][]> {
    const headers = messages.map((_, i) => headersToStrings(ctx.messages[i]?.headers));
    const replayed = messages.map((_, i) => headers[i][HEADERS.replay] === 'enrichment');
    const pick = <T>(list: T[], replay: boolean) => list.filter((_, i) => replayed[i] === replay);

    const stored = await this.articles.storeMany(pick(messages, false), new Date(), pick(headers, false).map((h) => ({ traceparent: h['traceparent'] })));
    const reEnriched = await this.articles.reEnrichMany(pick(messages, true), pick(headers, true).map((h) => ({ replayId: h[HEADERS.replayId] })));
    const results: Outcome[] = [];
    let s = 0;
    let r = 0;
    for (const replay of replayed) results.push(replay ? reEnriched[r++] : stored[s++]);
    this.noteEmbargoes(stored);

    const now = new Date();
    const storedAt = now.toISOString();
    return messages.map((message, i) => {
      const held = results[i].embargo?.held || (replayed[i] && underEmbargo(message, now));
      if (held) return [];
      const event = this.storedEvent(message, results[i], storedAt);
      // ninjs after the stored event (same key, so same partition order as the stored topic's).
      return this.ninjs && !replayed[i] && sendsNinjs(results[i].outcome) ? [event, ninjsOfMessage(message, results[i].storyKey, results[i].outcome === 'killed')] : [event];
    });
  }

  /** Counts what the versions did to holds; a lift is released by the releaser's next round, started now. */
  private noteEmbargoes(results: StoreResult[]): void {
    let lifted = false;
    for (const { embargo } of results) {
      if (!embargo?.action) continue;
      this.metrics?.embargoes.inc({ action: embargo.action });
      lifted ||= embargo.action === 'lift';
    }
    if (lifted) this.releaser.poke();
  }

  private storedEvent({ article, dedup }: ArticleDeduplicated, result: Outcome, storedAt: string): OutboundMessage<ArticleStored> {
    return {
      topic: TOPICS.articleStored,
      key: storyKeyOf(article),
      value: {
        articleId: article.id,
        clusterId: dedup.clusterId,
        status: result.outcome,
        storyKey: result.storyKey,
        duplicateOf: dedup.duplicateOf,
        headline: article.headline,
        storedAt,
        ...(result.enrichmentVersion ? { enrichmentVersion: result.enrichmentVersion } : {}),
      },
    };
  }
}
