import type { IHeaders, Kafka } from 'kafkajs';
import { deadLetterTopicOf, HEADERS, physicalTopic } from '@newswire/contracts';

export interface ReplayOptions {
  /** The logical topic whose dead letters go back to it, e.g. news.article.received.v1. */
  topic: string;
  namespace: string;
  /** Only records whose failure was marked retriable (poison stays where it is). Default true. */
  onlyRetriable?: boolean;
  /** The replay group remembers what was already replayed, so a second run does not repeat it. */
  groupId?: string;
}

export interface ReplayResult {
  replayed: number;
  skipped: number;
}

const DLQ_HEADER_PREFIX = 'x-dlq-';
export const REPLAYED_HEADER = 'x-replayed-from-dlq';

/**
 * Sends dead letters back to the topic they failed on, once the cause (a
 * database outage, a fixed bug) is gone: the operator's undo for a dead
 * letter. Reads up to the end of the dead-letter topic as it was when the
 * replay started, then stops.
 */
export async function replayDeadLetters(kafka: Kafka, opts: ReplayOptions): Promise<ReplayResult> {
  const dlq = physicalTopic(deadLetterTopicOf(opts.topic), opts.namespace);
  const target = physicalTopic(opts.topic, opts.namespace);
  const onlyRetriable = opts.onlyRetriable ?? true;

  const admin = kafka.admin();
  await admin.connect();
  const groupId = opts.groupId ?? `${dlq}.replay`;
  const ends = new Map((await admin.fetchTopicOffsets(dlq)).map((p) => [p.partition, Number(p.high)]));
  const committed = await admin.fetchOffsets({ groupId, topics: [dlq] });
  await admin.disconnect();
  const starts = new Map(committed[0]?.partitions.map((p) => [p.partition, Math.max(0, Number(p.offset))]) ?? []);
  const pending = new Set([...ends].filter(([partition, end]) => end > (starts.get(partition) ?? 0)).map(([partition]) => partition));
  const result: ReplayResult = { replayed: 0, skipped: 0 };
  if (pending.size === 0) return result;

  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
  await Promise.all([producer.connect(), consumer.connect()]);
  await consumer.subscribe({ topic: dlq, fromBeginning: true });
  try {
    await new Promise<void>((resolve, reject) => {
      void consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch, resolveOffset }) => {
            const end = ends.get(batch.partition) ?? 0;
            const messages = batch.messages.filter((m) => Number(m.offset) < end);
            const replay = messages.filter((m) => !onlyRetriable || m.headers?.[HEADERS.dlqRetriable]?.toString() === 'true');
            if (replay.length) {
              await producer.send({
                topic: target,
                acks: -1,
                messages: replay.map((m) => ({ key: m.key, value: m.value, headers: { ...withoutDeadLetterHeaders(m.headers), [REPLAYED_HEADER]: new Date().toISOString() } })),
              });
            }
            result.replayed += replay.length;
            result.skipped += messages.length - replay.length;
            const last = messages[messages.length - 1];
            if (last) {
              resolveOffset(last.offset);
              await consumer.commitOffsets([{ topic: dlq, partition: batch.partition, offset: String(Number(last.offset) + 1) }]);
            }
            if (!last || Number(last.offset) + 1 >= end) pending.delete(batch.partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return result;
}

function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([k]) => !k.startsWith(DLQ_HEADER_PREFIX)));
}
