import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { INGESTER_CONFIG, type IngesterConfig } from './config';
import { type Accepted, IntakeService } from './intake.service';
import { readBody } from './read-body';

@Controller()
export class ArticlesController {
  constructor(
    @Inject(IntakeService) private readonly intake: IntakeService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
  ) {}

  @Post('v1/articles')
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Req() req: Request): Promise<Accepted & { status: 'accepted' }> {
    const body = await readBody(req, this.config.MAX_BODY_BYTES);
    const accepted = await this.intake.ingest(body, req.headers['content-type']);
    return { status: 'accepted', ...accepted };
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }
}
