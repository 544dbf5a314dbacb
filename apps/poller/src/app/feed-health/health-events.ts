import { describeIssues, type SourceHealthChanged, SourceHealthChangedV1, TOPICS, validate } from '@newswire/contracts';
import type { HealthEventsPort } from '@newswire/feed-health';
import type { BatchingProducer } from '@newswire/kafka';

/** Transitions to `news.source.health.v1`, keyed by source id (one source's changes stay in order). */
export class KafkaHealthEvents implements HealthEventsPort {
  constructor(private readonly producer: BatchingProducer) {}

  async publish(events: SourceHealthChanged[]): Promise<void> {
    await Promise.all(
      events.map((event) => {
        const checked = validate(SourceHealthChangedV1, event);
        if (!checked.ok) throw new Error(`a health event that breaks its contract: ${describeIssues(checked.issues)}`);
        return this.producer.publish({ topic: TOPICS.sourceHealth, key: event.sourceId, value: checked.value });
      }),
    );
  }
}
