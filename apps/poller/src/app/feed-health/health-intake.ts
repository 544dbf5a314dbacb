import { Logger } from '@nestjs/common';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf, HEADERS, physicalTopic, TOPICS } from '@newswire/contracts';
import { subscribeWhenKnown } from '@newswire/kafka';
import { failureObservationOf, type FailureObservation, storyObservationOf, type StoryObservation, tallyOf } from '@newswire/feed-health';
import type { MongoHealthStore } from './health-store';

/** Records counted per store write: a chunk of a batch. */
const CHUNK = 500;

function jsonOf(message: KafkaMessage): unknown {
  try {
    return JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    // A dead letter may not be JSON at all: its key still names the source.
    return undefined;
  }
}

const header = (message: KafkaMessage, name: string) => message.headers?.[name]?.toString();

/**
 * Counts what arrives per source: every record of the received topic is a
 * story, every record of its dead-letter topic a failure to read one. It
 * only counts (never publishes or dead-letters), so any record, however
 * broken, is passed over; a store error fails the batch, which kafkajs
 * fetches again (offsets are committed only after the counts are written).
 */
export class HealthIntake {
  private readonly logger = new Logger('feed-health:intake');
  private consumer: Consumer | undefined;
  private markJoined: () => void = () => undefined;
  /** Resolves once the consumer has joined its group (been given partitions to count). */
  readonly joined = new Promise<void>((resolve) => (this.markJoined = resolve));
  private readonly received: string;
  private readonly deadLetters: string;

  constructor(
    private readonly kafka: Kafka,
    private readonly store: MongoHealthStore,
    private readonly opts: { namespace: string; groupId: string; sessionTimeoutMs: number; fetchMaxWaitMs: number; watched: ReadonlySet<string> },
  ) {
    this.received = physicalTopic(TOPICS.articleReceived, opts.namespace);
    this.deadLetters = physicalTopic(deadLetterTopicOf(TOPICS.articleReceived), opts.namespace);
  }

  get running(): boolean {
    return this.consumer !== undefined;
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.opts.groupId, sessionTimeout: this.opts.sessionTimeoutMs, maxWaitTimeInMs: this.opts.fetchMaxWaitMs, allowAutoTopicCreation: false });
    consumer.on(consumer.events.GROUP_JOIN, () => this.markJoined());
    await consumer.connect();
    // A new group reads the retained history: each story counts in the hour it was received, so a first
    // start has a baseline at once; what is older than the evaluation reads is forgotten at the next evaluation.
    await subscribeWhenKnown(consumer, [this.received, this.deadLetters], true);
    await consumer.run({ eachBatch: (payload) => this.onBatch(payload) });
    this.consumer = consumer;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const failing = batch.topic === this.deadLetters;
    for (let start = 0; start < batch.messages.length; start += CHUNK) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + CHUNK);
      const stories: StoryObservation[] = [];
      const failures: FailureObservation[] = [];
      for (const m of chunk) {
        if (failing) {
          const at = Date.parse(header(m, HEADERS.dlqFailedAt) ?? '') || Number(m.timestamp);
          const f = failureObservationOf(m.key?.toString(), jsonOf(m), header(m, HEADERS.dlqReason), at);
          if (f && this.opts.watched.has(f.sourceId)) failures.push(f);
        } else {
          const s = storyObservationOf(jsonOf(m));
          if (s && this.opts.watched.has(s.sourceId)) stories.push(s);
        }
      }
      const tallies = tallyOf(stories, failures);
      if (tallies.size > 0) await this.store.add(tallies);
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
    this.logger.debug(`${batch.topic}[${batch.partition}]: ${batch.messages.length} record(s) counted`);
  }
}
