import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage, Message } from 'kafkajs';
import { deadLetterTopicOf, HEADERS, physicalTopic } from '@newswire/contracts';
import type { BatchingProducer } from './batching-producer';
import { errorMessageOf, errorTypeOf, isRetriable, PoisonMessageError } from './errors';
import type { OutboundMessage } from './outbound';

export interface MessageContextData {
  topic: string;
  physicalTopic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  headers: IHeaders | undefined;
  timestamp: string;
}

export type StageHandler = (value: unknown, ctx: MessageContextData) => Promise<OutboundMessage[]>;
/** Handles many validated messages at once (CPU-bound or bulk-write stages); returns all their outputs. */
export type StageBatchHandler = (values: unknown[], ctxs: MessageContextData[]) => Promise<OutboundMessage[]>;
/** Returns the validated value, or throws PoisonMessageError naming the problem. */
export type StageValidator = (topic: string, value: unknown) => unknown;

export interface StageConsumerOptions {
  kafka: Kafka;
  producer: BatchingProducer;
  stage: string;
  groupId: string;
  namespace: string;
  handlers: Map<string, StageHandler>;
  /** Topics whose handler takes a whole chunk; a failing chunk is replayed message by message. */
  batchHandlers?: Map<string, StageBatchHandler>;
  validate?: StageValidator;
  maxAttempts: number;
  retryBackoffMs: number;
  sessionTimeoutMs: number;
  fetchMaxWaitMs?: number;
  /** Outputs are flushed and offsets committed at least this often within a batch. */
  flushEvery?: number;
  onCrash?: (err: unknown) => void;
}

interface Outcome {
  outbound: OutboundMessage[];
  deadLetter?: { topic: string; message: Message };
}

/**
 * Runs one pipeline stage over kafkajs `eachBatch`: decode, validate, handle,
 * publish outputs, and only then commit. Poison input and exhausted retries
 * go to `<topic>.dlq` with the reason in headers, so a bad record never
 * blocks its partition (unlike Nest's ServerKafka, nest #14664).
 */
export class StageConsumer {
  private readonly logger: Logger;
  private consumer: Consumer | undefined;
  private stopping = false;
  private crashed: unknown;
  private readonly logicalByPhysical = new Map<string, string>();

  constructor(private readonly opts: StageConsumerOptions) {
    this.logger = new Logger(`${opts.stage}:consumer`);
    for (const topic of opts.handlers.keys()) this.logicalByPhysical.set(physicalTopic(topic, opts.namespace), topic);
  }

  get healthy(): boolean {
    return this.consumer !== undefined && this.crashed === undefined;
  }

  async start(): Promise<void> {
    const consumer = this.opts.kafka.consumer({
      groupId: this.opts.groupId,
      sessionTimeout: this.opts.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(this.opts.sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.opts.fetchMaxWaitMs ?? 1000,
    });
    consumer.on(consumer.events.CRASH, (event) => {
      // kafkajs restarts only on retriable errors; otherwise it stops silently (kafkajs #852).
      if (!event.payload.restart) {
        this.crashed = event.payload.error;
        this.logger.error(`consumer crashed and will not restart: ${errorMessageOf(event.payload.error)}`);
        this.opts.onCrash?.(event.payload.error);
      }
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.logicalByPhysical.keys()], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    // disconnect waits for the batch in hand, whose offsets are committed only after its outputs.
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const flushEvery = this.opts.flushEvery ?? 100;
    let pending: Outcome[] = [];
    let lastOffset: string | undefined;

    const flush = async () => {
      if (lastOffset === undefined) return;
      const outbound = pending.flatMap((o) => o.outbound);
      const deadLetters = pending.flatMap((o) => (o.deadLetter ? [o.deadLetter] : []));
      await this.opts.producer.publishNow(outbound);
      await this.opts.producer.publishRaw(deadLetters);
      resolveOffset(lastOffset);
      await commitOffsetsIfNecessary();
      pending = [];
      lastOffset = undefined;
    };

    const batchHandler = this.opts.batchHandlers?.get(this.logicalByPhysical.get(batch.topic) ?? batch.topic);
    if (batchHandler) {
      for (let i = 0; i < batch.messages.length; i += flushEvery) {
        if (!isRunning() || isStale() || this.stopping) break;
        const chunk = batch.messages.slice(i, i + flushEvery);
        pending.push(...(await this.processChunk(batch.topic, batch.partition, chunk, batchHandler, heartbeat)));
        lastOffset = chunk[chunk.length - 1].offset;
        await flush();
        await heartbeat();
      }
      return;
    }

    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping) break;
      pending.push(await this.process(batch.topic, batch.partition, message, heartbeat));
      lastOffset = message.offset;
      if (pending.length >= flushEvery) await flush();
      await heartbeat();
    }
    await flush();
  }

  /**
   * One handler call for every valid message of the chunk. If the chunk
   * fails, each message is replayed alone so one poison record cannot take
   * its neighbours to the dead-letter topic.
   */
  private async processChunk(
    physical: string,
    partition: number,
    chunk: KafkaMessage[],
    handler: StageBatchHandler,
    heartbeat: () => Promise<void>,
  ): Promise<Outcome[]> {
    const topic = this.logicalByPhysical.get(physical) ?? physical;
    const outcomes: Outcome[] = [];
    const values: unknown[] = [];
    const ctxs: MessageContextData[] = [];
    const valid: KafkaMessage[] = [];
    for (const message of chunk) {
      const ctx = this.contextOf(topic, physical, partition, message);
      try {
        values.push(this.decode(topic, message));
        ctxs.push(ctx);
        valid.push(message);
      } catch (err) {
        outcomes.push({ outbound: [], deadLetter: this.deadLetter(ctx, message, err, 1) });
      }
    }
    if (values.length === 0) return outcomes;
    try {
      outcomes.push({ outbound: await handler(values, ctxs) });
      return outcomes;
    } catch (err) {
      this.logger.warn(`${topic}[${partition}] chunk of ${values.length} failed, replaying one by one: ${errorMessageOf(err)}`);
    }
    for (const message of valid) {
      outcomes.push(await this.process(physical, partition, message, heartbeat, (value, ctx) => handler([value], [ctx])));
    }
    return outcomes;
  }

  private contextOf(topic: string, physical: string, partition: number, message: KafkaMessage): MessageContextData {
    return {
      topic,
      physicalTopic: physical,
      partition,
      offset: message.offset,
      key: message.key?.toString(),
      headers: message.headers,
      timestamp: message.timestamp,
    };
  }

  private async process(
    physical: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    only?: StageHandler,
  ): Promise<Outcome> {
    const topic = this.logicalByPhysical.get(physical) ?? physical;
    const ctx = this.contextOf(topic, physical, partition, message);
    let attempt = 0;
    for (;;) {
      attempt += 1;
      try {
        const value = this.decode(topic, message);
        const handler = only ?? this.opts.handlers.get(topic);
        if (!handler) throw new PoisonMessageError(`no handler for topic ${topic}`);
        return { outbound: await handler(value, ctx) };
      } catch (err) {
        const retry = isRetriable(err) && attempt < this.opts.maxAttempts && !this.stopping;
        if (retry) {
          this.logger.warn(`${topic}[${partition}]@${message.offset} attempt ${attempt} failed, retrying: ${errorMessageOf(err)}`);
          await heartbeat();
          await delay(this.opts.retryBackoffMs * 2 ** (attempt - 1));
          continue;
        }
        if (this.stopping && isRetriable(err)) throw err; // leave uncommitted; the next owner retries
        this.logger.warn(`${topic}[${partition}]@${message.offset} dead-lettered after ${attempt} attempt(s): ${errorMessageOf(err)}`);
        return { outbound: [], deadLetter: this.deadLetter(ctx, message, err, attempt) };
      }
    }
  }

  private decode(topic: string, message: KafkaMessage): unknown {
    if (!message.value || message.value.length === 0) throw new PoisonMessageError('empty message value');
    let value: unknown;
    try {
      value = JSON.parse(message.value.toString('utf8'));
    } catch (err) {
      throw new PoisonMessageError(`value is not valid JSON: ${errorMessageOf(err)}`);
    }
    return this.opts.validate ? this.opts.validate(topic, value) : value;
  }

  private deadLetter(ctx: MessageContextData, message: KafkaMessage, err: unknown, attempts: number) {
    const headers: IHeaders = {
      ...(message.headers ?? {}),
      [HEADERS.dlqReason]: errorMessageOf(err).slice(0, 4000),
      [HEADERS.dlqErrorType]: errorTypeOf(err),
      [HEADERS.dlqRetriable]: String(isRetriable(err)),
      [HEADERS.dlqAttempts]: String(attempts),
      [HEADERS.dlqSourceTopic]: ctx.physicalTopic,
      [HEADERS.dlqSourcePartition]: String(ctx.partition),
      [HEADERS.dlqSourceOffset]: ctx.offset,
      [HEADERS.dlqFailedAt]: new Date().toISOString(),
      [HEADERS.dlqStage]: this.opts.stage,
    };
    return {
      topic: physicalTopic(deadLetterTopicOf(ctx.topic), this.opts.namespace),
      message: { key: message.key, value: message.value, headers },
    };
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
