import { Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { INGESTER_CONFIG, type IngesterConfig, ingestLimits } from './config';
import { inflateBody } from './content-encoding';
import { type Attribution, type IntakeReport, IntakeService } from './intake.service';
import { readBody } from './read-body';
import { DeliveryGate, REPLAY_HEADER } from './signed-ingest/delivery-gate';
import { SenderAuthenticator } from './signed-ingest/sender-authenticator';
import { SourceRateLimits } from './signed-ingest/source-rate-limits';

@Controller()
export class ArticlesController {
  constructor(
    @Inject(IntakeService) private readonly intake: IntakeService,
    @Inject(INGESTER_CONFIG) private readonly config: IngesterConfig,
    @Inject(SenderAuthenticator) private readonly auth: SenderAuthenticator,
    @Inject(SourceRateLimits) private readonly limits: SourceRateLimits,
    @Inject(DeliveryGate) private readonly deliveries: DeliveryGate,
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
    const outcome = await this.deliveries.once(sender, () => intake({ sourceId: sender.source.id, provider: sender.source.provider, language: sender.source.language }));
    if (outcome.replayed) res.setHeader(REPLAY_HEADER, 'true');
    return outcome.body;
  }
}
