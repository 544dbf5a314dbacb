import { Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BatchingProducer, BrokerProbe, readiness } from '@newswire/kafka';
import { INGESTER_CONFIG, type IngesterConfig, ingestLimits } from './config';
import { inflateBody } from './content-encoding';
import { type Attribution, type IntakeReport, IntakeService } from './intake.service';
import { readBody } from './read-body';
import { DeliveryGate, REPLAY_HEADER } from './signed-ingest/delivery-gate';
import type { DeliveryLedger } from './signed-ingest/delivery-ledger';
import { SenderAuthenticator } from './signed-ingest/sender-authenticator';
import { SourceRateLimits } from './signed-ingest/source-rate-limits';
import { DELIVERY_LEDGER } from './signed-ingest/tokens';

@Controller()
export class ArticlesController {
  constructor(
    @Inject(IntakeService) private readonly intake: IntakeService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(BatchingProducer) private readonly producer: BatchingProducer,
    @Inject(BrokerProbe) private readonly broker: BrokerProbe,
    @Inject(SenderAuthenticator) private readonly auth: SenderAuthenticator,
    @Inject(SourceRateLimits) private readonly limits: SourceRateLimits,
    @Inject(DeliveryGate) private readonly deliveries: DeliveryGate,
    @Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger | null,
  ) {}

  /**
   * Raw bytes (size-limited) -> signature over exactly those bytes -> rate
   * limit -> one claim per delivery -> parse and publish.
   */
  @Post('v1/articles')
  @HttpCode(HttpStatus.ACCEPTED)
  async submit(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<IntakeReport | object> {
    const limit = ingestLimits(this.config).bodyBytes;
    const raw = await readBody(req, limit);
    // The signature covers the bytes as sent; they are inflated only once the sender is known.
    const sender = this.auth.authenticate(req.headers, raw);
    const contentType = req.headers['content-type'];
    const intake = async (attribution?: Attribution) => this.intake.ingest(await inflateBody(raw, req.headers, limit), contentType, attribution);
    if (!sender) return intake();
    this.limits.admit(sender.source);
    const outcome = await this.deliveries.once(sender, () => intake({ sourceId: sender.source.id, provider: sender.source.provider }));
    if (outcome.replayed) res.setHeader(REPLAY_HEADER, 'true');
    return outcome.body;
  }

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Ready while the broker answers, the last publish was acknowledged and,
   * with signed ingest on, the delivery store answers: otherwise submissions
   * could not be acknowledged, so a load balancer should send them elsewhere.
   */
  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const storeUp = this.ledger ? await this.ledger.reachable() : true;
    const report = readiness({
      broker: () => this.broker.reachable && this.producer.connected,
      publishing: () => !this.producer.failing(),
      ...(this.ledger ? { store: () => storeUp } : {}),
    });
    if (!report.ready) res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report.body;
  }
}
