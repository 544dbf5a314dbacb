import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';
import { topicBounds } from '@newswire/kafka';

export interface Following {
  /** Resolves once the consumer sits at its start offsets: what is written after this is seen. */
  ready: Promise<void>;
  /** Resolves when the handler asked to stop, or stop() was called; rejects if the consumer crashed. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows a topic from its end as it is now (or from the oldest record),
 * in a throwaway group that commits nothing: watching never moves a stage's
 * offsets. The handler returns true to stop.
 */
export function follow(
  kafka: Kafka,
  topic: string,
  opts: { fromBeginning?: boolean },
  onMessage: (partition: number, message: KafkaMessage) => boolean | void | Promise<boolean | void>,
): Following {
  const consumer = kafka.consumer({ groupId: `newswire-cli-${randomUUID()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  let finish: (err?: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => (finish = (err) => (err ? reject(err) : resolve())));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await consumer.disconnect().catch(() => undefined);
    finish();
  };
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    stopped = true;
    void consumer.disconnect().catch(() => undefined);
    finish(payload.error);
  });
  const ready = (async () => {
    const admin = kafka.admin();
    await admin.connect();
    const bounds = await topicBounds(admin, topic).finally(() => admin.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: Boolean(opts.fromBeginning) });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        if (stopped) return;
        // Not awaited: a consumer disconnecting from inside its own handler would wait for itself.
        if (await onMessage(partition, message)) void stop();
      },
    });
    // Explicit start offsets: "latest" would be resolved only when the partition is first fetched.
    for (const b of bounds) consumer.seek({ topic, partition: b.partition, offset: String(opts.fromBeginning ? b.low : b.high) });
  })();
  ready.catch((err: unknown) => finish(err));
  return { ready, done, stop };
}
