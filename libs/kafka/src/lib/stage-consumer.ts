import { Logger } from '@nestjs/common';
import { withDeadline } from '@newswire/errors';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import { physicalTopic } from '@newswire/contracts';
import type { BatchingProducer } from './batching-producer';
import { deadLetterOf, type DeadLetterRecord, valueOmitted } from './dead-letters';
import { DependencyUnavailableError, errorMessageOf, errorTypeOf, isRetriable, PoisonMessageError } from './errors';
import type { OutboundMessage } from './outbound';
import { classifyPublishFailure } from './publish-failures';
import { chunkByBytes, type EncodedRecord } from './records';
import { Backoff, interruptibleDelay } from './backoff';
import { carryHeaders } from './carried-headers';
import { ChunkCoalescer } from './chunk-coalescer';
import { byTopic, OffsetCommitter } from './offset-committer';
import { type InputSeries, type MessageTrace, StageTelemetry } from './stage-telemetry';
import { subscribeWhenKnown } from './subscribe';

export interface MessageContextData {
  topic: string;
  physicalTopic: string;
  partition: number;
  offset: string;
  key: string | undefined;
  headers: IHeaders | undefined;
  timestamp: string;
  /**
   * Runs `fn` in this message's span and log scope. A batch handler runs under one chunk scope; what it
   * says about one story (a verdict, a refusal) goes through this so the line names that story and trace.
   */
  inScope<T>(fn: () => T): T;
}

export type StageHandler = (value: unknown, ctx: MessageContextData) => Promise<OutboundMessage[]>;
/**
 * Handles many validated messages at once (CPU-bound or bulk-write stages):
 * returns one list of outputs per input, in input order, so a failure to
 * publish an output is charged to the input that produced it.
 */
export type StageBatchHandler = (values: unknown[], ctxs: MessageContextData[]) => Promise<OutboundMessage[][]>;
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
  /** A fetch's minimum bytes (kafkajs `minBytes`); 1 answers as soon as anything is there. */
  fetchMinBytes?: number;
  /**
   * Partitions handled at once (kafkajs `partitionsConsumedConcurrently`). Chunks of a batch handler's
   * partitions that arrive together are joined into one handler call (see ChunkCoalescer); each
   * partition still publishes, dead-letters and commits on its own, in its own order. Default 1.
   */
  partitionsAtOnce?: number;
  /** Inputs are handled, their outputs published and offsets committed in chunks of at most this many messages ... */
  flushEvery?: number;
  /** ... and at most this many bytes of input (also bounds the CPU time between heartbeats). */
  chunkBytes?: number;
  /** `max.message.bytes` of the input topics: a fetch must be able to carry the largest record. */
  maxMessageBytes?: number;
  /**
   * Whether an error means a dependency is down (the store): such failures
   * are retried with backoff for as long as the outage lasts, never
   * dead-lettered, and the partition waits.
   */
  isOutage?: (err: unknown) => boolean;
  /** Longest wait between two attempts during an outage. */
  maxOutageBackoffMs?: number;
  /**
   * A handler call that has not settled after this long is given up as an outage and its chunk tried
   * again (default 60 s; the calls are bounded chunks that take well under a second).
   */
  handlerStallMs?: number;
  onCrash?: (err: unknown) => void;
  /** Metrics, spans and log scopes; a private registry and a non-exporting tracer when not given. */
  telemetry?: StageTelemetry;
}

/** Handler calls are bounded chunks; one this slow is waiting on a dependency that stopped answering. */
export const DEFAULT_HANDLER_STALL_MS = 60_000;

/**
 * A handler call that never settled: seen once when a store command stayed unanswered after the
 * store came back (CI's store-down fault case), which held the partition, and the stage, for good.
 * Treated as an outage: the chunk is tried again (its writes are idempotent, as for a redelivery).
 */
export class HandlerStalledError extends DependencyUnavailableError {
  override readonly code: string = 'handler_stalled';
}

/** What became of one input: its outputs, or the dead letter that replaces them. */
interface Outcome {
  ctx: MessageContextData;
  message: KafkaMessage;
  trace: MessageTrace;
  outbound: OutboundMessage[];
  deadLetter?: DeadLetterRecord;
}

const DEFAULT_FLUSH_EVERY = 100;
const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/** The batch was taken away (rebalance) or the stage is stopping: leave it uncommitted for the next owner. */
const ABORTED = Symbol('aborted');
type Aborted = typeof ABORTED;

interface BatchControl {
  live: () => boolean;
  heartbeat: () => Promise<boolean>;
  /** The input topic's series. */
  series: InputSeries;
  /** Handler time spent on the current chunk, in ms. */
  handlerMs: number;
}

/**
 * Runs one pipeline stage over kafkajs `eachBatch`: decode, validate, handle,
 * publish outputs, and only then commit. Poison input, exhausted retries and
 * outputs the broker refuses go to `<topic>.dlq` with the reason in headers,
 * so a bad record never blocks its partition (unlike Nest's ServerKafka, nest
 * #14664) and a stage never crash-loops on one record. Outages (broker or
 * store) are waited out: nothing is dead-lettered or committed for them.
 */
export class StageConsumer {
  private readonly logger: Logger;
  private consumer: Consumer | undefined;
  /** The commit function of the latest batch: every batch's is the same consumer group's. */
  private commitVia: EachBatchPayload['commitOffsetsIfNecessary'] | undefined;
  // Through eachBatch's commit (the consumer group's own, which kafkajs's autoCommit uses): it raises the broker's error
  // as it is, and kafkajs's runner answers a rebalance or a forgotten member by rejoining the group. consumer.commitOffsets
  // goes through a retrier that wraps "the coordinator is not aware of this member" as non-retriable, and the consumer
  // crashed for good after a network partition (the fault suite's network-proxy case).
  private readonly committer = new OffsetCommitter((offsets) => {
    if (!this.commitVia) throw new Error(`${this.opts.stage}: no batch has given its commit function yet`);
    return this.commitVia(byTopic(offsets));
  });
  private stopping = false;
  private crashed: unknown;
  private outageSince: number | undefined;
  private readonly logicalByPhysical = new Map<string, string>();
  private readonly telemetry: StageTelemetry;
  private readonly coalescers = new Map<string, ChunkCoalescer<unknown, MessageContextData, OutboundMessage[]>>();

  constructor(private readonly opts: StageConsumerOptions) {
    this.logger = new Logger(`${opts.stage}:consumer`);
    for (const topic of opts.handlers.keys()) this.logicalByPhysical.set(physicalTopic(topic, opts.namespace), topic);
    this.telemetry = opts.telemetry ?? new StageTelemetry(opts.stage);
    this.telemetry.metrics.outageGauge(opts.stage, () => this.outageSince);
    // A joined call is bounded like one chunk, so a stage's store requests do not grow.
    const limits = { maxValues: opts.flushEvery ?? DEFAULT_FLUSH_EVERY, maxBytes: opts.chunkBytes ?? DEFAULT_CHUNK_BYTES };
    for (const [topic, handler] of opts.batchHandlers ?? [])
      // The guard sits inside the coalescer: a stalled call must not hold the calls queued behind it.
      this.coalescers.set(topic, new ChunkCoalescer((values, ctxs) => this.unlessStalled(topic, () => handler(values, ctxs)), limits));
  }

  /** Running and not crashed (kafkajs stops silently on non-retriable errors). */
  get healthy(): boolean {
    return this.consumer !== undefined && this.crashed === undefined;
  }

  /** Since when a dependency (store or broker) has been failing, if it is. */
  get outage(): number | undefined {
    return this.outageSince;
  }

  async start(): Promise<void> {
    const maxMessageBytes = this.opts.maxMessageBytes ?? 1024 * 1024;
    const consumer = this.opts.kafka.consumer({
      groupId: this.opts.groupId,
      sessionTimeout: this.opts.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, Math.floor(this.opts.sessionTimeoutMs / 10)),
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: this.opts.fetchMaxWaitMs ?? 1000,
      minBytes: this.opts.fetchMinBytes ?? 1,
      // A fetch must carry the largest record a topic takes (its dead letters included).
      maxBytesPerPartition: Math.max(1024 * 1024, maxMessageBytes + 128 * 1024),
      maxBytes: Math.max(10 * 1024 * 1024, 4 * maxMessageBytes),
    });
    consumer.on(consumer.events.CRASH, (event) => {
      // kafkajs restarts only on retriable errors; otherwise it stops silently (kafkajs #852).
      if (!event.payload.restart) {
        this.crashed = event.payload.error;
        this.logger.error(`consumer crashed and will not restart: ${errorMessageOf(event.payload.error)}`);
        this.opts.onCrash?.(event.payload.error);
      }
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => this.telemetry.keepLagOf(this.logicalAssignment(payload.memberAssignment)));
    await consumer.connect();
    await subscribeWhenKnown(consumer, [...this.logicalByPhysical.keys()], true);
    await consumer.run({
      partitionsConsumedConcurrently: Math.max(1, this.opts.partitionsAtOnce ?? 1),
      // Each chunk commits its own offset through the committer, joined with the other partitions' (offset-committer.ts).
      autoCommit: false,
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
    const { batch, resolveOffset, isRunning, isStale } = payload;
    let rebalanced = false;
    const topic = this.logicalByPhysical.get(batch.topic) ?? batch.topic;
    const series = this.telemetry.input(topic);
    const lag = series.lag(batch.partition);
    const highWatermark = Number(batch.highWatermark);
    if (batch.messages.length) lag.set(Math.max(0, highWatermark - Number(batch.messages[0].offset)));
    const control: BatchControl = {
      series,
      handlerMs: 0,
      live: () => !rebalanced && isRunning() && !isStale() && !this.stopping,
      heartbeat: async () => {
        try {
          await payload.heartbeat();
        } catch (err) {
          // The group moved on: our partitions may be someone else's now.
          if (isRebalance(err)) rebalanced = true;
        }
        return control.live();
      },
    };
    this.commitVia = payload.commitOffsetsIfNecessary;
    const batchHandler = this.opts.batchHandlers?.get(topic);
    // Made with the batch handler (constructor): one per batch topic.
    const coalescer = this.coalescers.get(topic);
    for (const chunk of this.chunksOf(batch.messages)) {
      if (!control.live()) return;
      control.handlerMs = 0;
      const outcomes =
        batchHandler && coalescer
          ? await this.processChunk(topic, batch.topic, batch.partition, chunk, batchHandler, coalescer, control)
          : await this.processEach(topic, batch.topic, batch.partition, chunk, control);
      if (outcomes === ABORTED) return;
      if ((await this.publish(outcomes, control)) === ABORTED) return;
      this.chunkDone(outcomes, control);
      lag.set(Math.max(0, highWatermark - Number(chunk[chunk.length - 1].offset) - 1));
      const last = chunk[chunk.length - 1].offset;
      resolveOffset(last);
      await this.committer.commit({ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() });
      await control.heartbeat();
    }
  }

  /** Counted once its outputs and dead letters are acknowledged: consumed, handler time per message, the spans end. */
  private chunkDone(outcomes: Outcome[], control: BatchControl): void {
    const { series } = control;
    series.consumed.inc(outcomes.length);
    const perMessage = control.handlerMs / 1000 / Math.max(1, outcomes.length);
    for (const outcome of outcomes) {
      series.processing.observe(perMessage);
      // Per story only at debug: names the outputs, never the text.
      if (!outcome.deadLetter) {
        const { topic, partition, offset } = outcome.ctx;
        this.telemetry.inMessage(outcome.trace, () => this.logger.debug(`${topic}[${partition}]@${offset} handled: ${outcome.outbound.map((o) => o.topic).join(', ') || 'no output'}`));
      }
      this.telemetry.endMessage(outcome.trace, outcome.deadLetter ? `dead-lettered: ${outcome.deadLetter.errorType}` : undefined);
    }
  }

  /** kafkajs names physical topics; series use the contract's names. */
  private logicalAssignment(assignment: Record<string, number[]>): Map<string, Set<number>> {
    return new Map(Object.entries(assignment).map(([physical, partitions]) => [this.logicalByPhysical.get(physical) ?? physical, new Set(partitions)]));
  }

  /** Chunks bounded by count and by bytes, so CPU time and output size between heartbeats stay bounded. */
  private *chunksOf(messages: KafkaMessage[]): Generator<KafkaMessage[]> {
    const maxCount = this.opts.flushEvery ?? DEFAULT_FLUSH_EVERY;
    const maxBytes = this.opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    let chunk: KafkaMessage[] = [];
    let bytes = 0;
    for (const m of messages) {
      const size = m.value?.length ?? 0;
      if (chunk.length && (chunk.length >= maxCount || bytes + size > maxBytes)) {
        yield chunk;
        chunk = [];
        bytes = 0;
      }
      chunk.push(m);
      bytes += size;
    }
    if (chunk.length) yield chunk;
  }

  private async processEach(topic: string, physical: string, partition: number, chunk: KafkaMessage[], control: BatchControl): Promise<Outcome[] | Aborted> {
    const handler = this.opts.handlers.get(topic);
    const outcomes: Outcome[] = [];
    for (const message of chunk) {
      const outcome = await this.processOne(topic, physical, partition, message, control, (value, ctx) => {
        if (!handler) throw new PoisonMessageError(`no handler for topic ${topic}`);
        return handler(value, ctx);
      });
      if (outcome === ABORTED) return ABORTED;
      outcomes.push(outcome);
      await control.heartbeat();
    }
    return outcomes;
  }

  /**
   * One handler call for every valid message of the chunk. An outage is
   * waited out for the whole chunk; any other failure replays each message
   * alone so one poison record cannot take its neighbours to the DLQ.
   */
  private async processChunk(
    topic: string,
    physical: string,
    partition: number,
    chunk: KafkaMessage[],
    handler: StageBatchHandler,
    coalescer: ChunkCoalescer<unknown, MessageContextData, OutboundMessage[]>,
    control: BatchControl,
  ): Promise<Outcome[] | Aborted> {
    const outcomes: Outcome[] = [];
    const valid: { message: KafkaMessage; ctx: MessageContextData; trace: MessageTrace; value: unknown }[] = [];
    for (const message of chunk) {
      const ctx = this.contextOf(topic, physical, partition, message);
      const trace = this.telemetry.startMessage(topic, partition, message, ctx.key);
      ctx.inScope = (fn) => this.telemetry.inMessage(trace, fn);
      try {
        const value = this.decode(topic, message);
        this.telemetry.identify(trace, value);
        valid.push({ message, ctx, trace, value });
      } catch (err) {
        this.telemetry.inMessage(trace, () => this.logger.warn(`${topic}[${partition}]@${message.offset} dead-lettered: ${errorMessageOf(err)}`));
        outcomes.push({ ctx, message, trace, outbound: [], deadLetter: this.deadLetter(ctx, message, err, 1) });
      }
    }
    if (valid.length === 0) return outcomes;
    const backoff = new Backoff(this.opts.retryBackoffMs, this.opts.maxOutageBackoffMs);
    const traces = valid.map((v) => v.trace);
    for (;;) {
      try {
        const started = performance.now();
        let share = 1;
        const values = valid.map((v) => v.value);
        const ctxs = valid.map((v) => v.ctx);
        const outputs = await this.telemetry
          .inChunk(traces, async () => {
            // Joined with other partitions' chunks: this chunk is charged its share of the call's time.
            const joined = await coalescer.call(values, ctxs, valid.reduce((sum, v) => sum + (v.message.value?.length ?? 0), 0));
            share = valid.length / joined.joinedValues;
            return joined.outputs;
          })
          .finally(() => (control.handlerMs += (performance.now() - started) * share));
        if (outputs.length !== valid.length) throw new Error(`batch handler returned ${outputs.length} output lists for ${valid.length} inputs`);
        this.outageOver();
        valid.forEach((v, i) => outcomes.push({ ctx: v.ctx, message: v.message, trace: v.trace, outbound: outputs[i] }));
        return sortByOffset(outcomes);
      } catch (err) {
        if (this.isOutage(err)) {
          if (!(await this.waitOutOutage(`${topic}[${partition}] chunk of ${valid.length}`, err, backoff, control))) return ABORTED;
          continue;
        }
        this.logger.warn(`${topic}[${partition}] chunk of ${valid.length} failed, replaying one by one: ${errorMessageOf(err)}`);
        break;
      }
    }
    for (const v of valid) {
      const outcome = await this.processOne(topic, physical, partition, v.message, control, async (value, ctx) => (await handler([value], [ctx]))[0] ?? [], v);
      if (outcome === ABORTED) return ABORTED;
      outcomes.push(outcome);
    }
    return sortByOffset(outcomes);
  }

  /** Bounded retries for ordinary failures; outages are waited out however long they last. */
  private async processOne(
    topic: string,
    physical: string,
    partition: number,
    message: KafkaMessage,
    control: BatchControl,
    handle: StageHandler,
    known?: { ctx: MessageContextData; trace: MessageTrace },
  ): Promise<Outcome | Aborted> {
    const ctx = known?.ctx ?? this.contextOf(topic, physical, partition, message);
    const trace = known?.trace ?? this.telemetry.startMessage(topic, partition, message, ctx.key);
    // Everything below, retries and their log lines included, runs in the message's span and log scope.
    return this.telemetry.inMessage(trace, () => this.attempt(topic, partition, message, control, handle, ctx, trace));
  }

  private async attempt(
    topic: string,
    partition: number,
    message: KafkaMessage,
    control: BatchControl,
    handle: StageHandler,
    ctx: MessageContextData,
    trace: MessageTrace,
  ): Promise<Outcome | Aborted> {
    const backoff = new Backoff(this.opts.retryBackoffMs, this.opts.maxOutageBackoffMs);
    let attempt = 0;
    for (;;) {
      attempt += 1;
      const started = performance.now();
      try {
        const value = this.decode(topic, message);
        this.telemetry.identify(trace, value);
        const outbound = await this.unlessStalled(topic, () => handle(value, ctx));
        control.handlerMs += performance.now() - started;
        this.outageOver();
        return { ctx, message, trace, outbound };
      } catch (err) {
        control.handlerMs += performance.now() - started;
        if (this.isOutage(err)) {
          attempt -= 1; // an outage is not the message's fault
          if (!(await this.waitOutOutage(`${topic}[${partition}]@${message.offset}`, err, backoff, control))) return ABORTED;
          continue;
        }
        if (isRetriable(err) && attempt < this.opts.maxAttempts) {
          control.series.retriedError.inc();
          this.logger.warn(`${topic}[${partition}]@${message.offset} attempt ${attempt} failed (${errorTypeOf(err)}), retrying: ${errorMessageOf(err)}`);
          if (!(await interruptibleDelay(this.opts.retryBackoffMs * 2 ** (attempt - 1), control.live))) return ABORTED;
          if (!(await control.heartbeat())) return ABORTED;
          continue;
        }
        // Stopping mid-retry: leave it uncommitted; the next owner tries again.
        if (!control.live() && isRetriable(err)) return ABORTED;
        this.logger.warn(`${topic}[${partition}]@${message.offset} dead-lettered after ${attempt} attempt(s): ${errorMessageOf(err)}`);
        return { ctx, message, trace, outbound: [], deadLetter: this.deadLetter(ctx, message, err, attempt) };
      }
    }
  }

  /** A dependency that is down: declared by the error itself, or recognised by the stage's classifier. */
  /** A handler call for `topic`, given up as stalled after handlerStallMs. */
  private unlessStalled<T>(topic: string, call: () => Promise<T>): Promise<T> {
    // A stalled call may still settle later; nobody waits for it then.
    return withDeadline(Promise.resolve().then(call), this.opts.handlerStallMs ?? DEFAULT_HANDLER_STALL_MS, `${this.opts.stage} handler for ${topic}`, (message) => new HandlerStalledError(message));
  }

  private isOutage(err: unknown): boolean {
    return err instanceof DependencyUnavailableError || (this.opts.isOutage?.(err) ?? false);
  }

  private async waitOutOutage(what: string, err: unknown, backoff: Backoff, control: BatchControl): Promise<boolean> {
    const first = this.outageSince === undefined;
    this.outageSince ??= Date.now();
    control.series.retriedOutage.inc();
    const wait = backoff.next();
    if (first || backoff.attempts % 10 === 0) {
      this.logger.warn(`${what}: dependency unavailable for ${Math.round((Date.now() - this.outageSince) / 1000)} s, waiting ${wait} ms: ${errorMessageOf(err)}`);
    }
    return (await interruptibleDelay(wait, control.live)) && (await control.heartbeat());
  }

  private outageOver(): void {
    if (this.outageSince === undefined) return;
    this.logger.log(`dependency back after ${Math.round((Date.now() - this.outageSince) / 1000)} s`);
    this.outageSince = undefined;
  }

  /**
   * Publishes the chunk's outputs, then its dead letters. A record the broker
   * refuses for what it is dead-letters the input that produced it; an
   * unreachable broker is waited out. Either way nothing is committed before
   * every output and dead letter is acknowledged.
   */
  private async publish(outcomes: Outcome[], control: BatchControl): Promise<void | Aborted> {
    const producer = this.opts.producer;
    const groups: { outcome: Outcome; records: EncodedRecord[] }[] = [];
    for (const outcome of outcomes) {
      if (outcome.deadLetter || outcome.outbound.length === 0) continue;
      try {
        // Outputs carry the input's ingest time and this hop's trace context; handlers need not know.
        const carried = this.telemetry.carried(outcome.trace, outcome.message.headers);
        const records = outcome.outbound.map((m) => producer.encode(carryHeaders(m, outcome.message.headers), carried));
        records.forEach((r) => producer.checkSize(r));
        groups.push({ outcome, records });
      } catch (err) {
        this.rejectOutputs(outcome, err);
      }
    }
    const all = groups.flatMap((g) => g.records);
    if (all.length) {
      const limit = Math.min(...all.map((r) => producer.limitOf(r.topic)));
      const owner = new Map(groups.flatMap((g) => g.records.map((r) => [r, g] as const)));
      for (const chunk of chunkByBytes(
        groups.map((g) => g.records),
        limit,
      )) {
        const sent = await this.send(chunk, control);
        if (sent === ABORTED) return ABORTED;
        if (sent === true) continue;
        // The broker refused something in this request: find out which input it belongs to.
        for (const group of new Set(chunk.map((r) => owner.get(r)!))) {
          const alone = await this.send(group.records, control);
          if (alone === ABORTED) return ABORTED;
          if (alone !== true) this.rejectOutputs(group.outcome, alone);
        }
      }
    }
    const deadLetters = outcomes.flatMap((o) => (o.deadLetter ? [o.deadLetter] : []));
    for (const dead of deadLetters) {
      // One at a time only when needed: a dead letter the broker refuses goes again without its value.
      const sent = await this.send([dead.record], control);
      if (sent === ABORTED) return ABORTED;
      if (sent !== true) {
        const stub = valueOmitted(dead, classifyPublishFailure(sent).reason);
        const again = await this.send([stub], control);
        if (again === ABORTED) return ABORTED;
        if (again !== true) {
          this.logger.error(`dead letter for ${dead.source} could not be written at all: ${errorMessageOf(again)}`);
          continue;
        }
      }
      control.series.deadLettered(dead.errorType).inc();
    }
    const now = Date.now();
    for (const outcome of outcomes) {
      if (outcome.deadLetter) continue;
      for (const output of outcome.outbound) this.telemetry.produced(output.topic, outcome.trace.ingestedAt, now);
    }
  }

  /** true when acknowledged; the error when the broker refused the records themselves. */
  private async send(records: EncodedRecord[], control: BatchControl): Promise<true | Aborted | unknown> {
    const backoff = new Backoff(this.opts.retryBackoffMs, this.opts.maxOutageBackoffMs);
    for (;;) {
      try {
        await this.opts.producer.sendJoined(records);
        this.outageOver();
        return true;
      } catch (err) {
        if (classifyPublishFailure(err).kind === 'record') return err;
        if (!(await this.waitOutOutage(`publishing ${records.length} record(s)`, err, backoff, control))) return ABORTED;
      }
    }
  }

  private rejectOutputs(outcome: Outcome, err: unknown): void {
    const reason = `output could not be published: ${classifyPublishFailure(err).reason}`;
    this.telemetry.inMessage(outcome.trace, () => this.logger.warn(`${outcome.ctx.topic}[${outcome.ctx.partition}]@${outcome.ctx.offset} dead-lettered: ${reason}`));
    outcome.deadLetter = this.deadLetter(outcome.ctx, outcome.message, new PoisonMessageError(reason), 1);
    outcome.outbound = [];
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
      inScope: (fn) => fn(),
    };
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

  private deadLetter(ctx: MessageContextData, message: KafkaMessage, err: unknown, attempts: number): DeadLetterRecord {
    return deadLetterOf({ ...ctx, stage: this.opts.stage, namespace: this.opts.namespace, message, err, attempts });
  }
}

function sortByOffset(outcomes: Outcome[]): Outcome[] {
  return outcomes.sort((a, b) => Number(BigInt(a.message.offset) - BigInt(b.message.offset)));
}

/** Heartbeat answers that mean this member no longer owns its partitions. */
function isRebalance(err: unknown): boolean {
  const type = (err as { type?: unknown }).type;
  return type === 'REBALANCE_IN_PROGRESS' || type === 'UNKNOWN_MEMBER_ID' || type === 'ILLEGAL_GENERATION' || type === 'FENCED_INSTANCE_ID';
}
