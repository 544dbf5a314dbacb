import { withDeadline } from '@newswire/errors';
import { type Admin, logLevel } from 'kafkajs';
import { createKafka } from './client';
import type { KafkaSettings } from './kafka-config';

/**
 * Asks the cluster for its metadata in the background, so readiness turns
 * false within seconds of the brokers becoming unreachable, even for a
 * service that is idle or whose client is still retrying (a kafkajs producer
 * keeps its connection flag up through an outage). Its own client retries
 * nothing and times out fast.
 */
export class BrokerProbe {
  private ok = false;
  private timer: NodeJS.Timeout | undefined;
  private admin: Admin | undefined;
  private checking: Promise<boolean> | undefined;

  constructor(
    private readonly settings: Pick<KafkaSettings, 'brokers' | 'clientId' | 'security'>,
    private readonly intervalMs = 3_000,
    private readonly timeoutMs = 2_500,
  ) {}

  get reachable(): boolean {
    return this.ok;
  }

  async start(): Promise<void> {
    const kafka = createKafka(
      { ...this.settings, clientId: `${this.settings.clientId}-probe` },
      // Silent: an outage shows in readiness, not as a log line every few seconds.
      { retry: { retries: 0 }, connectionTimeout: Math.min(1_000, this.timeoutMs), requestTimeout: this.timeoutMs, logLevel: logLevel.NOTHING },
    );
    this.admin = kafka.admin();
    await this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.checking;
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  check(): Promise<boolean> {
    this.checking ??= this.ping().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async ping(): Promise<boolean> {
    const admin = this.admin;
    if (!admin) return (this.ok = false);
    try {
      await withDeadline(admin.connect().then(() => admin.describeCluster()), this.timeoutMs, 'metadata request');
      this.ok = true;
    } catch {
      this.ok = false;
    }
    return this.ok;
  }
}
