import type { Admin, Kafka } from 'kafkajs';
import { deadLetterTopicOf, physicalTopic } from '@newswire/contracts';

export interface TopicLayout {
  namespace: string;
  partitions: number;
  replicationFactor: number;
  withDeadLetters?: boolean;
}

/**
 * Topics are created explicitly (with their dead-letter twins) so partition
 * counts are the project's choice, not the broker's auto-create default.
 * Several services may race to create the same topic at start-up: kafkajs
 * then skips its leader wait (it returns early on TOPIC_ALREADY_EXISTS), so
 * readiness is awaited here for every wanted topic, whoever created it.
 */
export async function ensureTopics(kafka: Kafka, logicalTopics: readonly string[], layout: TopicLayout, timeoutMs = 30_000): Promise<string[]> {
  const wanted = new Set<string>();
  for (const t of logicalTopics) {
    wanted.add(physicalTopic(t, layout.namespace));
    if (layout.withDeadLetters !== false) wanted.add(physicalTopic(deadLetterTopicOf(t), layout.namespace));
  }
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({
          topic,
          // Dead letters are rare and read by people: one partition keeps them in arrival order.
          numPartitions: topic.endsWith('.dlq') ? 1 : layout.partitions,
          replicationFactor: layout.replicationFactor,
        })),
      });
    }
    await waitForLeaders(admin, [...wanted], timeoutMs);
    return [...wanted];
  } finally {
    await admin.disconnect();
  }
}

async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const { topics: meta } = await admin.fetchTopicMetadata({ topics });
      const ready = meta.length === topics.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      if (ready) return;
    } catch (err) {
      lastError = err; // UNKNOWN_TOPIC_OR_PARTITION while the controller propagates the new topic
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`topics ${topics.join(', ')} had no leaders after ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
}
