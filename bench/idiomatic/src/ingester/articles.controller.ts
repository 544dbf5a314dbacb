import { randomUUID } from 'node:crypto';
import { BadRequestException, Body, Controller, HttpCode, Inject, OnModuleInit, Post } from '@nestjs/common';
import { ClientKafka } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { KAFKA_CLIENT, topics } from '../config';
import type { Article } from '../messages';

interface ArticleBody {
  uri?: unknown;
  provider?: unknown;
  headline?: unknown;
  bodyText?: unknown;
}

@Controller('v1/articles')
export class ArticlesController implements OnModuleInit {
  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: ClientKafka) {}

  async onModuleInit(): Promise<void> {
    await this.kafka.connect();
  }

  /** Accepts one article; answers 202 once Kafka has it. */
  @Post()
  @HttpCode(202)
  async ingest(@Body() body: ArticleBody): Promise<{ id: string }> {
    if (typeof body?.uri !== 'string' || typeof body.headline !== 'string' || typeof body.bodyText !== 'string') {
      throw new BadRequestException('uri, headline and bodyText are required strings');
    }
    const article: Article = {
      id: randomUUID(),
      uri: body.uri,
      provider: typeof body.provider === 'string' ? body.provider : undefined,
      headline: body.headline,
      bodyText: body.bodyText,
      ingestedAt: Date.now(),
    };
    await lastValueFrom(this.kafka.emit(topics.received, { key: article.uri, value: article }));
    return { id: article.id };
  }
}
