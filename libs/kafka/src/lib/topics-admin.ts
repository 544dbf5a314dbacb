import type { Kafka } from 'kafkajs';
import { deadLetterTopicOf, physicalTopic } from '@newswire/contracts';

/**
 * Topics are created explicitly (with their dead-letter twins) so partition
 * counts are the project's choice, not the broker's auto-create default.
 */
export async function ensureTopics(
  kafka: Kafka,
  logicalTopics: readonly string[],
  opts: { namespace: string; partitions: number; replicationFactor: number; withDeadLetters?: boolean },
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const wanted = new Set<string>();
    for (const t of logicalTopics) {
      wanted.add(physicalTopic(t, opts.namespace));
      if (opts.withDeadLetters !== false) wanted.add(physicalTopic(deadLetterTopicOf(t), opts.namespace));
    }
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter((t) => !existing.has(t));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: topic.endsWith('.dlq') ? 1 : opts.partitions,
        replicationFactor: opts.replicationFactor,
      })),
    });
  } finally {
    await admin.disconnect();
  }
}
