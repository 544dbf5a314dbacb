/**
 * An example downstream subscriber: follows the enriched topic in its own
 * consumer group and prints each headline with the entities found in it.
 * It validates every message against the published contract, as any
 * subscriber should, and skips (but reports) those that do not conform.
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 [KAFKA_TOPIC_NAMESPACE=...] [FROM_BEGINNING=true] \
 *     npx ts-node -P tsconfig.tools.json tools/subscriber/follow-enriched.ts
 */
import { Kafka, logLevel } from 'kafkajs';
import { ArticleEnrichedV1, describeIssues, physicalTopic, TOPICS, validate } from '@newswire/contracts';

const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim());
const namespace = process.env['KAFKA_TOPIC_NAMESPACE'] ?? '';
const topic = physicalTopic(TOPICS.articleEnriched, namespace);
const groupId = process.env['SUBSCRIBER_GROUP_ID'] ?? `${namespace ? `${namespace}.` : ''}example-follow-enriched`;
const fromBeginning = (process.env['FROM_BEGINNING'] ?? 'true') === 'true';

const names = (list: { name: string }[]) => (list.length ? list.map((e) => e.name).join(', ') : '-');

async function main(): Promise<void> {
  const kafka = new Kafka({ clientId: 'follow-enriched', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId });
  consumer.on(consumer.events.GROUP_JOIN, () => process.stdout.write(`following ${topic} as group ${groupId}\n`));
  const stop = async () => {
    await consumer.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      let value: unknown;
      try {
        value = JSON.parse(message.value?.toString('utf8') ?? '');
      } catch {
        process.stdout.write(`skipped: [${partition}@${message.offset}] not JSON\n`);
        return;
      }
      const result = validate(ArticleEnrichedV1, value);
      if (!result.ok) {
        process.stdout.write(`skipped: [${partition}@${message.offset}] ${describeIssues(result.issues)}\n`);
        return;
      }
      const { article, enrichment } = result.value;
      process.stdout.write(
        `${article.headline}\n` +
          `  id=${article.id} key=${message.key?.toString() ?? ''} language=${enrichment.language}\n` +
          `  people: ${names(enrichment.people)}\n` +
          `  organisations: ${names(enrichment.organisations)}\n` +
          `  places: ${names(enrichment.places)}\n`,
      );
    },
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
