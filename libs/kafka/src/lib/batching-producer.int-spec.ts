import { physicalTopic } from '@newswire/contracts';
import { createTestTopics, testEnv, TopicProbe } from '@newswire/testing';
import { BatchingProducer } from './batching-producer';
import { kafkaFromEnv } from './kafka-from-env';
import { classifyPublishFailure, RecordRejectedError, RecordTooLargeError } from './publish-failures';
import { ensureTopics } from './topics-admin';

const TOPIC = 'test.item.published.v1';

/** TOPIC in a fresh namespace, taking 100 KB a record; a producer is not told, so only the broker's answer reveals it. */
async function topicOf100Kb(name: string) {
  const env = testEnv(name);
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const kafka = kafkaFromEnv(ns, env);
  const admin = kafka.admin();
  await admin.connect();
  await createTestTopics(admin, [{ topic: physicalTopic(TOPIC, ns), numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '100000' }] }]);
  await admin.disconnect();
  // Until every broker's metadata knows the new topic, a produce may meet UNKNOWN_TOPIC_OR_PARTITION.
  await ensureTopics(kafka, [TOPIC], { namespace: ns, partitions: 1, replicationFactor: 1, withDeadLetters: false });
  return { env, ns, kafka };
}

describe('BatchingProducer on a real broker', () => {
  it('gives each grouped publish its own fate: one record the broker refuses fails only its own caller', async () => {
    const { env, ns, kafka } = await topicOf100Kb('producer');
    const producer = new BatchingProducer(kafka, { namespace: ns, lingerMs: 50 });
    await producer.connect();
    const probe = await new TopicProbe(env['KAFKA_BROKERS'], [physicalTopic(TOPIC, ns)], `${ns}-probe`).start();
    try {
      const results = await Promise.allSettled([
        producer.publish({ topic: TOPIC, key: 'a', value: { n: 1 } }),
        producer.publish({ topic: TOPIC, key: 'a', value: { n: 2, big: 'x'.repeat(200_000) } }),
        producer.publish({ topic: TOPIC, key: 'a', value: { n: 3 } }),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(RecordRejectedError);
      expect((results[1] as PromiseRejectedResult).reason.message).toContain('MESSAGE_TOO_LARGE');
      await probe.waitForCount(physicalTopic(TOPIC, ns), 2);
      expect(probe.on(physicalTopic(TOPIC, ns)).map((m) => (m.value as { n: number }).n)).toEqual([1, 3]);
    } finally {
      await probe.stop();
      await producer.disconnect();
    }
  });

  it('joins the sends of one turn in one request, and a record the broker refuses fails only the caller that sent it', async () => {
    const { env, ns, kafka } = await topicOf100Kb('producer-joined');
    const producer = new BatchingProducer(kafka, { namespace: ns });
    await producer.connect();
    const requests = jest.spyOn(producer, 'sendNow');
    const probe = await new TopicProbe(env['KAFKA_BROKERS'], [physicalTopic(TOPIC, ns)], `${ns}-probe`).start();
    const record = (n: number, big = false) => producer.encode({ topic: TOPIC, key: `k${n}`, value: { n, ...(big ? { big: 'x'.repeat(200_000) } : {}) } });
    try {
      await Promise.all([producer.sendJoined([record(1)]), producer.sendJoined([record(2), record(3)]), producer.sendJoined([record(4)])]);
      expect(requests).toHaveBeenCalledTimes(1);
      expect(requests.mock.calls[0][0].map((r) => r.message.key)).toEqual(['k1', 'k2', 'k3', 'k4']);
      await probe.waitForCount(physicalTopic(TOPIC, ns), 4);

      requests.mockClear();
      const results = await Promise.allSettled([producer.sendJoined([record(5)]), producer.sendJoined([record(6, true)]), producer.sendJoined([record(7)])]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(classifyPublishFailure((results[1] as PromiseRejectedResult).reason).kind).toBe('record');
      // The joined request, then each caller alone.
      expect(requests).toHaveBeenCalledTimes(4);
      await probe.waitForCount(physicalTopic(TOPIC, ns), 6);
      expect(
        probe
          .on(physicalTopic(TOPIC, ns))
          .map((m) => (m.value as { n: number }).n)
          .sort(),
      ).toEqual([1, 2, 3, 4, 5, 7]);
    } finally {
      await probe.stop();
      await producer.disconnect();
    }
  });

  it('refuses at once, without a round trip, a record larger than its topic takes once the limits are known', async () => {
    const env = testEnv('producer-limits');
    const ns = env['KAFKA_TOPIC_NAMESPACE'];
    const kafka = kafkaFromEnv(ns, env);
    const limits = await ensureTopics(kafka, [TOPIC], { namespace: ns, partitions: 1, replicationFactor: 1, maxMessageBytes: 600_000 });
    expect(limits.get(physicalTopic(TOPIC, ns))).toBe(600_000);
    expect(limits.get(physicalTopic(`${TOPIC}.dlq`, ns))).toBeGreaterThan(600_000);
    const producer = new BatchingProducer(kafka, { namespace: ns, topicLimits: limits });
    await producer.connect();
    try {
      await expect(producer.publish({ topic: TOPIC, key: 'a', value: { big: 'x'.repeat(700_000) } })).rejects.toBeInstanceOf(RecordTooLargeError);
      await expect(producer.publish({ topic: TOPIC, key: 'a', value: { small: true } })).resolves.toBeUndefined();
    } finally {
      await producer.disconnect();
    }
  });
});
