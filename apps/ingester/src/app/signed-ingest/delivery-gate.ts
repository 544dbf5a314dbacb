import { HttpException, HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ApiError, ReplayedAnswer } from '../http-errors';
import type { AuthenticatedSender } from './sender-authenticator';
import type { Claim, DeliveryLedger } from './delivery-ledger';
import { DELIVERY_LEDGER } from './tokens';

export const REPLAY_HEADER = 'X-Newswire-Replay';

export type GateOutcome<T> = { replayed: false; body: T } | { replayed: true; body: object };

/**
 * Runs each delivery once. The first attempt claims it; its answer is
 * recorded; a repeat gets that answer again, never a second story. A 5xx
 * means we failed, not the sender, so the claim is released for the retry.
 */
@Injectable()
export class DeliveryGate {
  private readonly logger = new Logger('ingest-deliveries');

  constructor(@Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger | null) {}

  async once<T extends object>(sender: AuthenticatedSender, work: () => Promise<T>): Promise<GateOutcome<T>> {
    const ledger = this.ledger;
    if (!ledger) throw new Error('signed ingest without a delivery ledger');
    const claim = await this.claim(ledger, sender);
    if (claim.kind === 'answered') {
      if (claim.status < 300) return { replayed: true, body: claim.body };
      throw new ReplayedAnswer(claim.status, claim.body, { [REPLAY_HEADER]: 'true' });
    }
    if (claim.kind === 'in-progress') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'delivery_in_progress',
        'this delivery is being processed; retry to receive its answer',
        { retryAfterSeconds: claim.retryAfterSeconds },
        { 'Retry-After': String(claim.retryAfterSeconds) },
      );
    }
    let body: T;
    try {
      body = await work();
    } catch (err) {
      const status = err instanceof HttpException ? err.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
      if (status >= 500) await this.settle(() => ledger.release(claim), `release ${claim.id}`);
      else await this.settle(() => ledger.complete(claim, status, (err as HttpException).getResponse()), `record ${claim.id}`);
      throw err;
    }
    await this.settle(() => ledger.complete(claim, HttpStatus.ACCEPTED, body), `record ${claim.id}`);
    return { replayed: false, body };
  }

  private async claim(ledger: DeliveryLedger, sender: AuthenticatedSender): Promise<Claim> {
    try {
      return await ledger.claim(sender.source.id, sender.deliveryId);
    } catch (err) {
      this.logger.error(`delivery store unavailable: ${(err as Error).message}`);
      throw new ApiError(HttpStatus.SERVICE_UNAVAILABLE, 'store_unavailable', 'the delivery could not be recorded; nothing was accepted; retry later');
    }
  }

  /**
   * The answer already stands (the stories are on the topic, or the refusal
   * is final): a store hiccup now is logged, not turned into a second answer.
   * The cost: the unrecorded claim blocks repeats until its lease ends.
   */
  private async settle(op: () => Promise<void>, what: string): Promise<void> {
    try {
      await op();
    } catch (err) {
      this.logger.warn(`${what} failed: ${(err as Error).message}`);
    }
  }
}
