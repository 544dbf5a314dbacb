import { CompressionTypes, type Kafka, type Producer, type TopicMessages } from 'kafkajs';
import { physicalTopic } from '@newswire/contracts';
import { contractHeaders, encodeValue, type OutboundMessage } from './outbound';
import { BrokerUnavailableError, classifyPublishFailure, RecordRejectedError, RecordTooLargeError } from './publish-failures';
import { chunkByBytes, type EncodedRecord, recordBytes, recordLimit } from './records';

/** A caller of sendJoined: its records and its fate. */
interface JoinedSend {
  records: EncodedRecord[];
  bytes: number;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Pending {
  record: EncodedRecord;
  resolve: () => void;
  reject: (err: unknown) => void;
  timer: NodeJS.Timeout | undefined;
  settled: boolean;
}

export interface BatchingProducerOptions {
  namespace: string;
  /** `max.message.bytes` of every topic unless `topicLimits` knows better. */
  maxMessageBytes?: number;
  /** Physical topic -> its actual `max.message.bytes`, read from the broker at start-up. */
  topicLimits?: ReadonlyMap<string, number>;
  /** How long a publish may wait for companions before the batch goes out. */
  lingerMs?: number;
  maxBatchSize?: number;
  /** `publish` fails with BrokerUnavailableError when not acknowledged within this time. */
  publishTimeoutMs?: number;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * kafkajs sends one request per `send()` call; awaiting one per message caps a
 * producer near 2k msg/s (kafkajs #772). This groups concurrent publishes into
 * requests bounded by bytes (never over a topic's `max.message.bytes`), with
 * `acks: all`, and each caller learns its own fate: one bad record never
 * fails its neighbours.
 */
export class BatchingProducer {
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private queuedBytes = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();
  private joinQueue: JoinedSend[] = [];
  private readonly lingerMs: number;
  private readonly maxBatchSize: number;
  private readonly maxMessageBytes: number;
  private topicLimits: ReadonlyMap<string, number>;
  private isConnected = false;
  private lastFailureAt = 0;
  private lastSuccessAt = 0;

  constructor(
    kafka: Kafka,
    private readonly options: BatchingProducerOptions,
  ) {
    this.producer = kafka.producer({ allowAutoTopicCreation: false, maxInFlightRequests: 5 });
    this.producer.on(this.producer.events.CONNECT, () => (this.isConnected = true));
    this.producer.on(this.producer.events.DISCONNECT, () => (this.isConnected = false));
    this.lingerMs = options.lingerMs ?? 5;
    this.maxBatchSize = options.maxBatchSize ?? 500;
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.topicLimits = options.topicLimits ?? new Map();
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  /** Whether the producer holds a broker connection (readiness, not a delivery guarantee). */
  get connected(): boolean {
    return this.isConnected;
  }

  /**
   * True when a send failed for want of the broker in the last `withinMs` and
   * nothing has succeeded since. Bounded in time: readiness must recover on
   * its own even when no traffic comes to prove the broker is back.
   */
  failing(withinMs = 10_000): boolean {
    return this.lastFailureAt > this.lastSuccessAt && Date.now() - this.lastFailureAt < withinMs;
  }

  /** Learned at start-up from the broker, after topics exist. */
  setTopicLimits(limits: ReadonlyMap<string, number>): void {
    this.topicLimits = limits;
  }

  /** The `max.message.bytes` in force for a physical topic. */
  limitOf(topic: string): number {
    return this.topicLimits.get(topic) ?? this.maxMessageBytes;
  }

  encode(message: OutboundMessage, carried?: Record<string, string>): EncodedRecord {
    const kafkaMessage = { key: message.key, value: encodeValue(message.value), headers: contractHeaders(message.topic, message.headers, carried) };
    return { topic: physicalTopic(message.topic, this.options.namespace), message: kafkaMessage, bytes: recordBytes(kafkaMessage) };
  }

  /** Throws RecordTooLargeError when the record can never be accepted by its topic. */
  checkSize(record: EncodedRecord): void {
    const limit = recordLimit(this.limitOf(record.topic));
    if (record.bytes > limit) throw new RecordTooLargeError(record.topic, record.bytes, limit);
  }

  /**
   * Resolves once the broker has acknowledged the message on all in-sync
   * replicas. Rejects with RecordTooLargeError or RecordRejectedError when the
   * record itself cannot be accepted, and with BrokerUnavailableError when the
   * broker does not acknowledge within `publishTimeoutMs`.
   */
  publish(message: OutboundMessage): Promise<void> {
    let record: EncodedRecord;
    try {
      record = this.encode(message);
      this.checkSize(record);
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      const pending: Pending = { record, resolve, reject, timer: undefined, settled: false };
      const timeoutMs = this.options.publishTimeoutMs;
      if (timeoutMs) {
        pending.timer = setTimeout(() => {
          this.lastFailureAt = Date.now();
          settle(pending, new BrokerUnavailableError(`the broker did not acknowledge within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.queue.push(pending);
      this.queuedBytes += record.bytes;
      if (this.queue.length >= this.maxBatchSize || this.queuedBytes >= recordLimit(this.maxMessageBytes)) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    });
  }

  /** Sends records now in one request, bypassing the linger; the caller has bounded them by bytes. */
  async sendNow(records: EncodedRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.producer.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages: groupByTopic(records) });
      this.lastSuccessAt = Date.now();
    } catch (err) {
      if (classifyPublishFailure(err).kind === 'transient') this.lastFailureAt = Date.now();
      throw err;
    }
  }

  /**
   * Sends records together with those other callers hand over in the same turn of the event loop: one request while
   * they fit one record batch's budget. A stage's partitions finish their chunks together (ChunkCoalescer joins their
   * handler calls) and each sent its own Produce request, three a fetch. Each caller learns its own fate, as if it had
   * sent alone: a joined request the broker refuses for a record goes again caller by caller, so one caller's bad record
   * never fails another; a failure of the broker fails every caller in it (each waits it out and sends again).
   */
  sendJoined(records: EncodedRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (this.joinQueue.push({ records, bytes: records.reduce((sum, r) => sum + r.bytes, 0), resolve, reject }) === 1) setImmediate(() => this.drainJoined());
    });
  }

  private drainJoined(): void {
    const queue = this.joinQueue;
    this.joinQueue = [];
    let group: JoinedSend[] = [];
    let bytes = 0;
    let budget = Infinity;
    for (const send of queue) {
      const limit = recordLimit(Math.min(...send.records.map((r) => this.limitOf(r.topic))));
      if (group.length && bytes + send.bytes > Math.min(budget, limit)) {
        void this.sendGroup(group);
        group = [];
        bytes = 0;
        budget = Infinity;
      }
      group.push(send);
      bytes += send.bytes;
      budget = Math.min(budget, limit);
    }
    if (group.length) void this.sendGroup(group);
  }

  private async sendGroup(group: JoinedSend[]): Promise<void> {
    try {
      await this.sendNow(group.flatMap((g) => g.records));
      group.forEach((g) => g.resolve());
    } catch (err) {
      if (group.length === 1 || classifyPublishFailure(err).kind === 'transient') {
        group.forEach((g) => g.reject(err));
        return;
      }
      await Promise.all(group.map((g) => this.sendNow(g.records).then(g.resolve, g.reject)));
    }
  }

  async disconnect(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
    await this.producer.disconnect();
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    const limit = Math.min(...batch.map((p) => this.limitOf(p.record.topic)));
    const byRecord = new Map(batch.map((p) => [p.record, p]));
    for (const chunk of chunkByBytes(batch.map((p) => [p.record]), limit)) {
      const send = this.sendChunk(chunk.map((r) => byRecord.get(r)!));
      this.inFlight.add(send);
      void send.finally(() => this.inFlight.delete(send));
    }
  }

  /** A failed request is retried record by record when the failure concerns a record, so each learns its own fate. */
  private async sendChunk(chunk: Pending[]): Promise<void> {
    try {
      await this.sendNow(chunk.map((p) => p.record));
      chunk.forEach((p) => settle(p));
    } catch (err) {
      const failure = classifyPublishFailure(err);
      if (failure.kind === 'transient') {
        chunk.forEach((p) => settle(p, new BrokerUnavailableError(`the broker did not acknowledge: ${failure.reason}`, { cause: err })));
      } else if (chunk.length === 1) {
        settle(chunk[0], new RecordRejectedError(`the broker refused the record: ${failure.reason}`, { cause: err }));
      } else {
        await Promise.all(chunk.map((p) => this.sendChunk([p])));
      }
    }
  }
}

function settle(p: Pending, err?: unknown): void {
  if (p.settled) return;
  p.settled = true;
  if (p.timer) clearTimeout(p.timer);
  if (err === undefined) p.resolve();
  else p.reject(err);
}

export function groupByTopic(records: { topic: string; message: EncodedRecord['message'] }[]): TopicMessages[] {
  const byTopic = new Map<string, EncodedRecord['message'][]>();
  for (const r of records) {
    const list = byTopic.get(r.topic) ?? [];
    list.push(r.message);
    byTopic.set(r.topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
