import type { IHeaders } from 'kafkajs';
import { testKafka } from './kafka-client';

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
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}
