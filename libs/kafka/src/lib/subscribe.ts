import type { Consumer } from 'kafkajs';
import { askWhileRetriable } from '@newswire/errors';

/** How long a consumer waits for its broker to learn a topic that was just created. */
export const TOPIC_KNOWN_WITHIN_MS = 30_000;

/**
 * Subscribes once the broker answering metadata knows every topic. A topic created a moment ago
 * (by this process's admin or another service starting beside it) can still be unknown to that
 * broker: kafkajs then throws the retriable UNKNOWN_TOPIC_OR_PARTITION from `subscribe`
 * ("This server does not host this topic-partition", seen in CI), which would fail a start-up
 * that a moment later succeeds.
 */
export function subscribeWhenKnown(consumer: Consumer, topics: string[], fromBeginning: boolean, withinMs = TOPIC_KNOWN_WITHIN_MS): Promise<void> {
  return askWhileRetriable(() => consumer.subscribe({ topics, fromBeginning }), Date.now() + withinMs);
}
