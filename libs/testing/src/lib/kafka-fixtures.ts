import { type IHeaders, Kafka, logLevel } from 'kafkajs';

/** Publishes raw bytes as a misbehaving upstream would, bypassing every contract check. */
export async function publishRaw(
  brokers: string,
  topic: string,
  messages: { key?: string; value: string | Buffer; headers?: IHeaders }[],
): Promise<void> {
  const kafka = new Kafka({ brokers: [brokers], clientId: 'test-raw-publisher', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
}
