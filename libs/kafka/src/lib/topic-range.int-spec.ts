import { askUntil, createTestTopics, testEnv } from '@newswire/testing';
import { kafkaFromEnv } from './kafka-from-env';
import { readRange, topicBounds, wholeTopic } from './topic-range';

describe('readRange on a real broker', () => {
  it('reads exactly the offsets asked for, then stops', async () => {
    const env = testEnv('range');
    const kafka = kafkaFromEnv('range-test', env);
    const topic = `${env['KAFKA_TOPIC_NAMESPACE']}.range`;
    const admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 2 }]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ partition: i % 2, value: `v${i}` })) });
    await producer.disconnect();
    const bounds = await topicBounds(admin, topic);
    await admin.disconnect();
    expect(bounds).toEqual([
      { partition: 0, low: 0, high: 5 },
      { partition: 1, low: 0, high: 5 },
    ]);

    const seen: string[] = [];
    await readRange(kafka, topic, [{ partition: 0, from: 1, to: 3 }, { partition: 1, from: 4, to: 5 }], (partition, messages) => {
      for (const m of messages) seen.push(`${partition}@${m.offset}=${m.value?.toString()}`);
    });
    expect(seen.sort()).toEqual(['0@1=v2', '0@2=v4', '1@4=v9']);
  });

  it('ends on a range whose last offsets are transaction markers (never handed to eachBatch)', async () => {
    const env = testEnv('range-tx');
    const kafka = kafkaFromEnv('range-test', env);
    const topic = `${env['KAFKA_TOPIC_NAMESPACE']}.range`;
    const admin = kafka.admin();
    await admin.connect();
    await createTestTopics(admin, [{ topic, numPartitions: 1 }]);
    const producer = kafka.producer({ transactionalId: `${topic}.tx`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (const value of ['a', 'b']) {
      const tx = await producer.transaction();
      await tx.send({ topic, acks: -1, messages: [{ value }] });
      await tx.commit();
    }
    await producer.disconnect();
    // Two records and two commit markers. A commit returns once the coordinator has logged it; it
    // writes the partition's marker after that, so the second marker can still be on its way (CI-53).
    const bounds = await askUntil('both commit markers written', () => topicBounds(admin, topic), (b) => b[0].high >= 4);
    await admin.disconnect();
    expect(bounds[0].high).toBe(4);
    const values: string[] = [];
    await readRange(kafka, topic, wholeTopic(bounds), (_p, messages) => {
      values.push(...messages.map((m) => m.value?.toString() ?? ''));
    });
    expect(values).toEqual(['a', 'b']);
  });
});
