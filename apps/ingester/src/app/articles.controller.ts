import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { BatchingProducer } from '@newswire/kafka';
import { INGESTER_CONFIG, type IngesterConfig } from './config';
import { inflateBody } from './content-encoding';
import { ApiError } from './http-errors';
import { type IntakeReport, IntakeService } from './intake.service';
import { readBody } from './read-body';

@Controller()
export class ArticlesController {
  constructor(
    @Inject(IntakeService) private readonly intake: IntakeService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
  ) {}

  @Post('v1/articles')
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Req() req: Request): Promise<IntakeReport> {
    const raw = await readBody(req, this.config.MAX_BODY_BYTES);
    const body = await inflateBody(raw, req.headers, this.config.MAX_BODY_BYTES);
    return this.intake.ingest(body, req.headers['content-type']);
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** Ready while the producer is connected: until then a submission could not be acknowledged. */
  @Get('health/ready')
  ready() {
    if (!this.producer.connected) throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'not connected to Kafka');
    return { status: 'ready' };
  }
}
