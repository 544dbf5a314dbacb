import { ArgumentsHost, Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { Kafka } from 'kafkajs';
import { isObservable, lastValueFrom, type Observable, throwError } from 'rxjs';
import { TOPIC_SCHEMAS, describeIssues, validate } from '@newswire/contracts';
import { BatchingProducer } from './batching-producer';
import { createKafka } from './client';
import { PoisonMessageError } from './errors';
import type { KafkaSettings } from './kafka-config';
import type { OutboundMessage } from './outbound';
import { type MessageContextData, type StageBatchHandler, StageConsumer, type StageHandler } from './stage-consumer';
import { ensureTopics } from './topics-admin';
import type { StageTelemetry } from './stage-telemetry';

export class KafkaStageContext extends BaseRpcContext<[MessageContextData[]]> {
  /** The message handled (the first of the chunk for batch handlers). */
  get message(): MessageContextData {
    return this.args[0][0];
  }

  get messages(): MessageContextData[] {
    return this.args[0];
  }
}

/** `@EventPattern(topic, STAGE_BATCH)`: the handler receives an array of validated payloads and returns one array of outputs per payload. */
export const STAGE_BATCH = { batch: true } as const;

export interface KafkaStageServerOptions {
  settings: KafkaSettings;
  stage: string;
  /** Logical topics this stage publishes to; created at start-up. */
  outputs: readonly string[];
  /** Whether an error means a dependency (the store) is down: waited out, never dead-lettered. */
  isOutage?: (err: unknown) => boolean;
  /** The service's metrics registry and tracer. */
  telemetry?: StageTelemetry;
}

/** Validates every consumed value against the contract its topic carries. */
export function validateAgainstContract(topic: string, value: unknown): unknown {
  const schema = (TOPIC_SCHEMAS as Record<string, (typeof TOPIC_SCHEMAS)[keyof typeof TOPIC_SCHEMAS]>)[topic];
  if (!schema) return value;
  const result = validate(schema, value);
  if (!result.ok) throw new PoisonMessageError(`schema ${topic} rejected the message: ${describeIssues(result.issues)}`);
  return result.value;
}

/**
 * A Nest transport whose `@EventPattern(topic)` handlers return the messages
 * to publish. Unlike ServerKafka it consumes in batches, dead-letters poison
 * input and commits only after outputs are acknowledged.
 */
export class KafkaStageServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger('KafkaStageServer');
  private kafka: Kafka | undefined;
  private producer: BatchingProducer | undefined;
  private consumer: StageConsumer | undefined;
  private readonly crashListeners: ((err: unknown) => void)[] = [];
  private readonly closeListeners: (() => Promise<void>)[] = [];

  constructor(private readonly options: KafkaStageServerOptions) {
    super();
  }

  get healthy(): boolean {
    return this.consumer?.healthy ?? false;
  }

  get stageName(): string {
    return this.options.stage;
  }

  /** Runs when the transport closes, after the consumer has drained. */
  onClose(listener: () => Promise<void>): void {
    this.closeListeners.push(listener);
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      const { settings } = this.options;
      this.kafka = createKafka(settings);
      const inputs = [...this.messageHandlers.keys()];
      const limits = await ensureTopics(this.kafka, [...inputs, ...this.options.outputs], settings);
      this.producer = new BatchingProducer(this.kafka, { namespace: settings.namespace, maxMessageBytes: settings.maxMessageBytes, topicLimits: limits });
      await this.producer.connect();
      this.consumer = new StageConsumer({
        kafka: this.kafka,
        producer: this.producer,
        stage: this.options.stage,
        groupId: settings.groupId,
        namespace: settings.namespace,
        handlers: new Map(inputs.map((topic) => [topic, this.adapt(topic)])),
        batchHandlers: new Map(inputs.filter((t) => this.isBatch(t)).map((t) => [t, this.adaptBatch(t)])),
        validate: validateAgainstContract,
        maxAttempts: settings.maxAttempts,
        retryBackoffMs: settings.retryBackoffMs,
        sessionTimeoutMs: settings.sessionTimeoutMs,
        fetchMaxWaitMs: settings.fetchMaxWaitMs,
        fetchMinBytes: settings.fetchMinBytes,
        partitionsAtOnce: settings.partitionsAtOnce,
        maxMessageBytes: settings.maxMessageBytes,
        chunkBytes: settings.maxMessageBytes,
        isOutage: this.options.isOutage,
        onCrash: (err) => this.crashListeners.forEach((listener) => listener(err)),
        telemetry: this.options.telemetry,
      });
      await this.consumer.start();
      this.log.log(`${this.options.stage} consuming ${inputs.join(', ')} as group ${this.options.settings.groupId}`);
      callback();
    } catch (err) {
      callback(err);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    await this.producer?.disconnect();
    this.consumer = undefined;
    this.producer = undefined;
    await Promise.allSettled(this.closeListeners.map((listener) => listener()));
  }

  on(): void {
    // kafkajs instrumentation events are wired inside StageConsumer.
  }

  /** Called when the consumer has crashed for good (kafkajs will not restart it). */
  onCrash(listener: (err: unknown) => void): void {
    this.crashListeners.push(listener);
  }

  unwrap<T>(): T {
    if (!this.kafka) throw new Error('KafkaStageServer is not listening');
    return this.kafka as T;
  }

  private adapt(topic: string): StageHandler {
    if (this.isBatch(topic)) {
      const batch = this.adaptBatch(topic);
      return async (value, ctx) => (await batch([value], [ctx]))[0] ?? [];
    }
    return async (value, ctx) => flatOutputs(await this.invoke(topic, value, [ctx]));
  }

  /** Batch handlers return one list of outputs per input, in input order. */
  private adaptBatch(topic: string): StageBatchHandler {
    return async (values, ctxs) => {
      const result = await this.invoke(topic, values, ctxs);
      if (!Array.isArray(result) || result.length !== values.length || !result.every(Array.isArray)) {
        throw new Error(`batch handler for ${topic} must return one array of outputs per input (${values.length})`);
      }
      return result as OutboundMessage[][];
    };
  }

  private isBatch(topic: string): boolean {
    return Boolean(this.messageHandlers.get(topic)?.extras?.['batch']);
  }

  private async invoke(topic: string, data: unknown, ctxs: MessageContextData[]): Promise<unknown> {
    const handler = this.messageHandlers.get(topic);
    if (!handler) throw new PoisonMessageError(`no handler for ${topic}`);
    const result: unknown = await handler(data, new KafkaStageContext([ctxs]));
    return isObservable(result) ? await lastValueFrom(result as Observable<unknown>, { defaultValue: [] }) : result;
  }
}

function flatOutputs(settled: unknown): OutboundMessage[] {
  if (settled === undefined || settled === null) return [];
  return (Array.isArray(settled) ? settled : [settled]) as OutboundMessage[];
}

/**
 * Nest's default RPC filter turns every unknown error into "Internal server
 * error"; stages need the original error to know whether it is retriable.
 */
@Catch()
export class RethrowRpcErrorsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}
