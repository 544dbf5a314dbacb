import { CompressionTypes, type Kafka, type Message, type Producer, type TopicMessages } from 'kafkajs';
import { physicalTopic } from '@newswire/contracts';
import { contractHeaders, encodeValue, type OutboundMessage } from './outbound';

interface Pending {
  topic: string;
  message: Message;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface BatchingProducerOptions {
  namespace: string;
  /** How long a publish may wait for companions before the batch goes out. */
  lingerMs?: number;
  maxBatchSize?: number;
}

/**
 * kafkajs sends one request per `send()` call; awaiting one per message caps a
 * producer near 2k msg/s (kafkajs #772). This groups concurrent publishes into
 * one `sendBatch` with `acks: all`, and each caller still learns its own fate.
 */
export class BatchingProducer {
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();
  private readonly lingerMs: number;
  private readonly maxBatchSize: number;
  private isConnected = false;

  constructor(
    kafka: Kafka,
    private readonly options: BatchingProducerOptions,
  ) {
    this.producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 5 });
    this.producer.on(this.producer.events.CONNECT, () => (this.isConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.isConnected = false));
    this.lingerMs = options.lingerMs ?? 5;
    this.maxBatchSize = options.maxBatchSize ?? 500;
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  /** Whether the producer holds a broker connection (readiness, not a delivery guarantee). */
  get connected(): boolean {
    return this.isConnected;
  }

  /** Resolves once the broker has acknowledged the message on all in-sync replicas. */
  publish(message: OutboundMessage): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ topic: physicalTopic(message.topic, this.options.namespace), message: this.toKafka(message), resolve, reject });
      if (this.queue.length >= this.maxBatchSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  /** Sends messages now, in one request, bypassing the linger (used by consumers at batch end). */
  async publishNow(messages: OutboundMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: groupByTopic(
        messages.map((m) => ({ topic: physicalTopic(m.topic, this.options.namespace), message: this.toKafka(m) })),
      ),
    });
  }

  /** Publishes raw records to a physical topic (dead letters keep the original bytes). */
  async publishRaw(records: { topic: string; message: Message }[]): Promise<void> {
    if (records.length === 0) return;
    await this.producer.sendBatch({ acks: -1, topicMessages: groupByTopic(records) });
  }

  async disconnect(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
    await this.producer.disconnect();
  }

  private toKafka(m: OutboundMessage): Message {
    return { key: m.key, value: encodeValue(m.value), headers: contractHeaders(m.topic, m.headers) };
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    const send = this.producer
      .sendBatch({ acks: -1, topicMessages: groupByTopic(batch) })
      .then(
        () => batch.forEach((p) => p.resolve()),
        (err: unknown) => batch.forEach((p) => p.reject(err)),
      );
    this.inFlight.add(send);
    void send.finally(() => this.inFlight.delete(send));
  }
}

function groupByTopic(records: { topic: string; message: Message }[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const r of records) {
    const list = byTopic.get(r.topic) ?? [];
    list.push(r.message);
    byTopic.set(r.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
