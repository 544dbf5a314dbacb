import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BatchingProducer, BrokerProbe, readiness } from '@newswire/kafka';
import { INGESTER_CONFIG, type IngesterConfig, ingestLimits } from './config';
import { type IntakeReport, IntakeService } from './intake.service';
import { readBody } from './read-body';

@Controller()
export class ArticlesController {
  constructor(
    @Inject(IntakeService) private readonly intake: IntakeService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(BrokerProbe) private readonly broker: BrokerProbe,
  ) {}

  @Post('v1/articles')
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Req() req: Request): Promise<IntakeReport> {
    const body = await readBody(req, ingestLimits(this.config).bodyBytes);
    return this.intake.ingest(body, req.headers['content-type']);
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready while the broker answers and the last publish was acknowledged:
   * during an outage submissions could not be acknowledged, so a load
   * balancer should stop sending them here.
   */
  @Get('health/ready')
  ready(@Res({ passthrough: true }) res: Response) {
    const report = readiness({
      broker: () => this.broker.reachable && this.producer.connected,
      publishing: () => !this.producer.failing(),
    });
    if (!report.ready) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report.body;
  }
}
