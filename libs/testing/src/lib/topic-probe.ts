import type { Consumer, IHeaders } from 'kafkajs';
import { askWhileRetriable } from '@newswire/errors';
import { testKafka } from './kafka-client';
import { createTestTopics } from './kafka-fixtures';

export interface ProbedMessage {
  topic: string;
  key: string | undefined;
  value: unknown;
  headers: Record<string, string>;
}

/**
 * An independent subscriber used by tests to observe topics: it waits for
 * the event it is told to expect instead of sleeping.
 */
export class TopicProbe {
  readonly messages: ProbedMessage[] = [];
  private waiters: { predicate: (m: ProbedMessage[]) => boolean; resolve: () => void }[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly brokers: string,
    private readonly topics: string[],
    private readonly groupId: string,
    /** Where TLS and SASL settings come from (KAFKA_SSL*, KAFKA_SASL*). */
    private readonly env: Record<string, string | undefined> = process.env,
  ) {}

  async start(): Promise<this> {
    const kafka = testKafka(this.groupId, this.brokers, this.env);
    const admin = kafka.admin();
    await admin.connect();
    // Subscribing to a topic nobody created yet must not fail the test: create it first.
    await createTestTopics(admin, this.topics.map((topic) => ({ topic, numPartitions: 2 })));
    await admin.disconnect();
    // A short fetch wait keeps stop() fast: kafkajs waits for the in-flight long poll.
    const consumer = kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
    this.consumer = consumer;
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    // The broker may still not know a topic created a moment ago (retriable UNKNOWN_TOPIC_OR_PARTITION).
    await askWhileRetriable(() => consumer.subscribe({ topics: this.topics, fromBeginning: true }), Date.now() + 30_000);
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const raw = message.value?.toString('utf8') ?? '';
        let value: unknown = raw;
        try {
          value = JSON.parse(raw);
        } catch {
          // Dead letters may carry bytes that are not JSON: keep them as text.
        }
        this.messages.push({ topic, key: message.key?.toString(), value, headers: decodeHeaders(message.headers) });
        this.check();
      },
    });
    await joined;
    return this;
  }

  /** Resolves once `predicate` holds over everything received so far. */
  waitFor(predicate: (messages: ProbedMessage[]) => boolean, timeoutMs = 30_000, what = 'expected messages'): Promise<void> {
    if (predicate(this.messages)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; got ${this.messages.length} message(s) on ${this.topics.join(', ')}`));
      }, timeoutMs);
      this.waiters.push({ predicate, resolve: done });
    });
  }

  waitForCount(topic: string, count: number, timeoutMs?: number): Promise<void> {
    return this.waitFor((ms) => ms.filter((m) => m.topic === topic).length >= count, timeoutMs, `${count} message(s) on ${topic}`);
  }

  on(topic: string): ProbedMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  private check() {
    const ready = this.waiters.filter((w) => w.predicate(this.messages));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    ready.forEach((w) => w.resolve());
  }
}

function decodeHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (v !== undefined) out[k] = v.toString();
  return out;
}
