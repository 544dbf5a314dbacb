import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { type ArticleDeduplicated, type ArticleEnriched, storyKeyOf, TOPICS } from '@newswire/contracts';
import { contentHash, exactVerdict } from '@newswire/dedup';
import { ContentHashRepository } from '@newswire/dedup-data';
import type { OutboundMessage } from '@newswire/kafka';

@Controller()
export class DeduplicatorController {
  constructor(@Inject(ContentHashRepository) private readonly hashes: ContentHashRepository) {}

  @EventPattern(TOPICS.articleEnriched)
  async handle(@Payload() message: ArticleEnriched): Promise<OutboundMessage<ArticleDeduplicated>[]> {
    const { article } = message;
    const hash = contentHash(article.headline, article.bodyText);
    const claim = await this.hashes.claim(hash, article.id);
    const dedup = exactVerdict(article.id, hash, claim);
    return [{ topic: TOPICS.articleDeduplicated, key: storyKeyOf(article), value: { ...message, dedup } }];
  }
}
