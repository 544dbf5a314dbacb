/**
 * Follows a pipeline's stored-event topic from its start and records, per
 * article id, the first event: its status, when storage wrote it (`storedAt`)
 * and when the ingester accepted it (the `x-ingested-at` header every stage
 * carries on, or an `ingestedAt` field for pipelines that carry it in the
 * value). So latency is exact per story and independent of how fast this
 * reader keeps up.
 */
import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { TELEMETRY_HEADERS } from '@newswire/contracts';
import { subscribeWhenKnown } from '@newswire/kafka';

export interface StoredEvent {
  articleId: string;
  status: string;
  storedAt: number;
  ingestedAt?: number;
}

interface StoredValue {
  articleId?: string;
  status?: string;
  storedAt?: string;
  ingestedAt?: number;
}

export class StoredWatch {
  readonly events = new Map<string, StoredEvent>();
  /** Events for an article already seen (at-least-once delivery upstream). */
  repeated = 0;
  private consumer: Consumer | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly brokers: string,
    private readonly topic: string,
  ) {}

  /** Resolves once the reader has joined its group, so no event can be missed. */
  async start(): Promise<this> {
    const kafka = new Kafka({ brokers: this.brokers.split(','), clientId: 'bench-stored-watch', logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `bench-watch-${process.pid}-${Date.now().toString(36)}`, maxWaitTimeInMs: 100, maxBytes: 32 * 1024 * 1024 });
    this.consumer = consumer;
    await consumer.connect();
    await subscribeWhenKnown(consumer, [this.topic], true);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) {
          const value = JSON.parse(m.value?.toString() ?? '{}') as StoredValue;
          if (!value.articleId) continue;
          if (this.events.has(value.articleId)) {
            this.repeated += 1;
            continue;
          }
          const header = m.headers?.[TELEMETRY_HEADERS.ingestedAt]?.toString();
          const ingestedAt = header !== undefined ? Number(header) : value.ingestedAt;
          this.events.set(value.articleId, {
            articleId: value.articleId,
            status: value.status ?? '?',
            storedAt: value.storedAt ? Date.parse(value.storedAt) : Number(m.timestamp),
            ingestedAt: Number.isFinite(ingestedAt) ? ingestedAt : undefined,
          });
        }
        this.listeners.forEach((l) => l());
      },
    });
    await joined;
    return this;
  }

  /**
   * Resolves when every id has a stored event, or when none arrived for
   * `stallMs` (then with the ids still missing): an event, with a bound.
   */
  waitFor(ids: readonly string[], stallMs: number): Promise<{ missing: string[] }> {
    const missing = () => ids.filter((id) => !this.events.has(id));
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout;
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve({ missing: missing() });
      };
      const check = () => {
        clearTimeout(timer);
        timer = setTimeout(finish, stallMs);
        if (missing().length === 0) finish();
      };
      this.listeners.add(check);
      check();
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
