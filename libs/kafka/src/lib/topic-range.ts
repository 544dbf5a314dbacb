import { randomUUID } from 'node:crypto';
import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import { subscribeWhenKnown } from './subscribe';

/** Offsets [from, to) of one partition. */
export interface PartitionRange {
  partition: number;
  from: number;
  to: number;
}

export interface PartitionBounds {
  partition: number;
  /** The first offset still retained. */
  low: number;
  /** The next offset to be written. */
  high: number;
}

export interface ReadRangeOptions {
  /** A throwaway group by default: nothing is committed, so it leaves nothing behind that matters. */
  groupId?: string;
  /** Fails when no batch arrives for this long (a range that can no longer be read). */
  idleTimeoutMs?: number;
  /** Largest record expected (a fetch always carries at least one record, whatever its size). */
  maxBytesPerPartition?: number;
}

/** Low and high watermarks of every partition of a topic. */
export async function topicBounds(admin: Admin, topic: string): Promise<PartitionBounds[]> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) })).sort((a, b) => a.partition - b.partition);
}

/** The whole retained content of a topic as it is now: new records are left for the next read. */
export function wholeTopic(bounds: PartitionBounds[]): PartitionRange[] {
  return bounds.map((b) => ({ partition: b.partition, from: b.low, to: b.high }));
}

/**
 * Reads fixed offset ranges of a topic once and stops: the tools' way to look
 * at dead letters, a ledger or a slice of a topic without joining a stage's
 * group or committing anything. Completion is tracked from kafkajs' batch
 * events too, because a batch holding only transaction markers never reaches
 * `eachBatch` (kafkajs resolves it silently), and a read that waited for
 * those offsets would never end.
 */
export async function readRange(
  kafka: Kafka,
  topic: string,
  ranges: PartitionRange[],
  onMessages: (partition: number, messages: KafkaMessage[]) => Promise<void> | void,
  options: ReadRangeOptions = {},
): Promise<void> {
  const wanted = new Map(ranges.filter((r) => r.to > r.from).map((r) => [r.partition, r]));
  if (wanted.size === 0) return;
  const next = new Map([...wanted].map(([p, r]) => [p, r.from]));
  const consumer = kafka.consumer({
    groupId: options.groupId ?? `newswire-range-${randomUUID()}`,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
    ...(options.maxBytesPerPartition ? { maxBytesPerPartition: options.maxBytesPerPartition } : {}),
  });
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  let settle: (err?: unknown) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => (settle = (err) => (err ? reject(err) : resolve())));
  let idle: NodeJS.Timeout | undefined;
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => settle(new Error(`reading ${topic}: no record for ${idleTimeoutMs} ms before the end of the range (${describe(next, wanted)})`)), idleTimeoutMs);
  };
  const advance = (partition: number, nextOffset: number) => {
    const range = wanted.get(partition);
    if (!range || nextOffset <= (next.get(partition) ?? 0)) return;
    next.set(partition, nextOffset);
    if (nextOffset >= range.to) {
      wanted.delete(partition);
      consumer.pause([{ topic, partitions: [partition] }]);
      if (wanted.size === 0) settle();
    }
  };
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.topic === topic) advance(payload.partition, Number(payload.lastOffset) + 1);
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => settle(payload.error));
  try {
    await consumer.connect();
    await subscribeWhenKnown(consumer, [topic], true);
    touch();
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        touch();
        const range = wanted.get(batch.partition);
        if (!range) return;
        const inRange = batch.messages.filter((m) => Number(m.offset) >= range.from && Number(m.offset) < range.to);
        try {
          if (inRange.length) await onMessages(batch.partition, inRange);
        } catch (err) {
          // The reader's own failure ends the read; kafkajs would otherwise retry the batch forever.
          settle(err);
          return;
        }
        advance(batch.partition, Number(batch.lastOffset()) + 1);
      },
    });
    for (const range of wanted.values()) consumer.seek({ topic, partition: range.partition, offset: String(range.from) });
    await finished;
  } finally {
    if (idle) clearTimeout(idle);
    await consumer.disconnect();
  }
}

function describe(next: Map<number, number>, wanted: Map<number, PartitionRange>): string {
  return [...wanted.values()].map((r) => `partition ${r.partition} at ${next.get(r.partition)} of ${r.to}`).join(', ');
}
