import { Controller, Inject, OnModuleInit } from '@nestjs/common';
import { ClientKafka, EventPattern, Payload } from '@nestjs/microservices';
import nlp from 'compromise';
import { lastValueFrom } from 'rxjs';
import { KAFKA_CLIENT, topics } from '../config';
import type { Article, EnrichedArticle } from '../messages';

const unique = (names: string[]) => [...new Set(names.map((n) => n.trim()).filter(Boolean))];

@Controller()
export class EnricherController implements OnModuleInit {
  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: ClientKafka) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.connect();
  }

  /** People, organisations and places with compromise, a lead-sentence summary and a word count. */
  @EventPattern(topics.received)
  async enrich(@Payload() article: Article): Promise<void> {
    const doc = nlp(`${article.headline}\n\n${article.bodyText}`);
    const enriched: EnrichedArticle = {
      article,
      entities: {
        people: unique(doc.people().out('array') as string[]),
        organizations: unique(doc.organizations().out('array') as string[]),
        places: unique(doc.places().out('array') as string[]),
      },
      summary: article.bodyText.split(/(?<=[.!?])\s+/)[0] ?? '',
      wordCount: doc.wordCount(),
    };
    await lastValueFrom(this.kafka.emit(topics.enriched, { key: article.uri, value: enriched }));
  }
}
