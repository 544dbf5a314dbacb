import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DeliveryLedger } from './delivery-ledger';
import { DELIVERY_LEDGER } from './tokens';

const PURGE_EVERY_MS = 10 * 60_000;

/** Deletes expired delivery records now and then: FerretDB has no TTL indexes. */
@Injectable()
export class DeliveryPurger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ingest-deliveries');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(@Inject(DELIVERY_LEDGER) private readonly ledger: DeliveryLedger | null) {}

  onApplicationBootstrap(): void {
    if (!this.ledger) return;
    this.purge();
    this.timer = setInterval(() => this.purge(), PURGE_EVERY_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private purge(): void {
    if (this.running || !this.ledger) return;
    const ledger = this.ledger;
    this.running = ledger
      .purge()
      .then(
        (n) => void (n > 0 && this.logger.log(`purged ${n} expired delivery record(s)`)),
        (err: unknown) => this.logger.warn(`purging delivery records failed: ${(err as Error).message}`),
      )
      .finally(() => (this.running = undefined));
  }
}
