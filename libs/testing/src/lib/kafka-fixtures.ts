import type { Admin, IHeaders, ITopicConfig } from 'kafkajs';
import { askWhileRetriable } from '@newswire/errors';
import { testKafka } from './kafka-client';

/**
 * Creates topics for a test and waits for their leaders. kafkajs's own wait
 * gives up on the UNKNOWN_TOPIC_OR_PARTITION a broker answers while its
 * metadata has not caught up with a topic created a moment ago (retriable;
 * seen in CI), so the creation is asked again: a topic that exists by then
 * is left as it is.
 */
export async function createTestTopics(admin: Admin, topics: ITopicConfig[]): Promise<void> {
  await askWhileRetriable(() => admin.createTopics({ topics, waitForLeaders: true }), Date.now() + 30_000);
}

/** Publishes raw bytes as a misbehaving upstream would, bypassing every contract check. */
export async function publishRaw(
  brokers: string,
  topic: string,
  messages: { key?: string; value: string | Buffer; headers?: IHeaders }[],
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  const kafka = testKafka('test-raw-publisher', brokers, env);
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, [{ topic, numPartitions: 2 }]);
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}
