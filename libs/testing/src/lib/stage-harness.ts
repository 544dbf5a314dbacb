import { deadLetterTopicOf, physicalTopic } from '@newswire/contracts';
import { testKafka } from './kafka-client';
import { createTestTopics, publishRaw } from './kafka-fixtures';
import { testEnv } from './names';
import { TopicProbe } from './topic-probe';

/**
 * Topics and a probe around one stage under test: publish to its input as an
 * upstream would, observe its output and its dead-letter topic.
 */
export async function stageHarness(prefix: string, input: string, output: string, extraEnv: Record<string, string> = {}) {
  const env = { ...testEnv(prefix), ...extraEnv };
  const ns = env['KAFKA_TOPIC_NAMESPACE'];
  const topics = {
    input: physicalTopic(input, ns),
    output: physicalTopic(output, ns),
    dlq: physicalTopic(deadLetterTopicOf(input), ns),
  };
  // Created up front with the stage's partition count, so ordering assertions hold whoever subscribes first.
  const admin = testKafka(`${ns}-admin`, env['KAFKA_BROKERS'], env).admin();
  await admin.connect();
  const partitions = Number(env['KAFKA_TOPIC_PARTITIONS']);
  await createTestTopics(admin, [
    { topic: topics.input, numPartitions: partitions },
    { topic: topics.output, numPartitions: partitions },
    { topic: topics.dlq, numPartitions: 1 },
  ]);
  await admin.disconnect();
  const probe = await new TopicProbe(env['KAFKA_BROKERS'], [topics.output, topics.dlq], `${ns}-probe`, env).start();
  return {
    env,
    topics,
    probe,
    publish: (messages: { key?: string; value: unknown }[]) =>
      publishRaw(
        env['KAFKA_BROKERS'],
        topics.input,
        messages.map((m) => ({ key: m.key, value: typeof m.value === 'string' ? m.value : JSON.stringify(m.value) })),
        env,
      ),
  };
}
