import { type Admin, ConfigResourceTypes, type Kafka } from 'kafkajs';
import { byteBudget, deadLetterTopicOf, physicalTopic } from '@newswire/contracts';
import { askWhileRetriable } from '@newswire/errors';

export interface TopicLayout {
  namespace: string;
  partitions: number;
  replicationFactor: number;
  /** `max.message.bytes` of the topics created (their dead-letter twins take a little more). */
  maxMessageBytes?: number;
  withDeadLetters?: boolean;
}

/**
 * Topics are created explicitly (with their dead-letter twins) so partition
 * counts and size limits are the project's choice, not the broker's
 * auto-create defaults. Several services may race to create the same topic at
 * start-up: kafkajs then skips its leader wait (it returns early on
 * TOPIC_ALREADY_EXISTS), so readiness is awaited here for every wanted topic,
 * whoever created it. Returns each topic's `max.message.bytes` as the broker
 * has it (a topic created earlier by someone else may take less than asked):
 * producers split what they send by it.
 */
export async function ensureTopics(kafka: Kafka, logicalTopics: readonly string[], layout: TopicLayout, timeoutMs = 30_000): Promise<Map<string, number>> {
  const wanted = new Set<string>();
  for (const t of logicalTopics) {
    wanted.add(physicalTopic(t, layout.namespace));
    if (layout.withDeadLetters !== false) wanted.add(physicalTopic(deadLetterTopicOf(t), layout.namespace));
  }
  const budget = layout.maxMessageBytes ? byteBudget(layout.maxMessageBytes) : undefined;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...wanted].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => {
          const dlq = topic.endsWith('.dlq');
          const limit = budget && (dlq ? budget.deadLetterBytes : budget.messageBytes);
          return {
            topic,
            // Dead letters are rare and read by people: one partition keeps them in arrival order.
            numPartitions: dlq ? 1 : layout.partitions,
            replicationFactor: layout.replicationFactor,
            configEntries: limit ? [{ name: 'max.message.bytes', value: String(limit) }] : [],
          };
        }),
      });
    }
    const deadline = Date.now() + timeoutMs;
    await waitForLeaders(admin, [...wanted], timeoutMs);
    return await askWhileRetriable(() => messageLimits(admin, [...wanted]), deadline);
  } finally {
    await admin.disconnect();
  }
}

/** `max.message.bytes` per topic, as the broker enforces it (topic override or broker default). */
export async function messageLimits(admin: Admin, topics: string[]): Promise<Map<string, number>> {
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['max.message.bytes'] })),
  });
  const limits = new Map<string, number>();
  for (const r of resources) {
    const value = Number(r.configEntries.find((e) => e.configName === 'max.message.bytes')?.configValue);
    if (Number.isFinite(value) && value > 0) limits.set(r.resourceName, value);
  }
  return limits;
}

/** Until every partition of the topics has a leader (asked again while the broker does not know a new topic yet). */
export async function waitForLeaders(admin: Admin, topics: string[], timeoutMs: number): Promise<void> {
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
