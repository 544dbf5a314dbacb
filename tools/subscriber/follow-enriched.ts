/**
 * An example downstream subscriber: follows the enriched topic in its own
 * consumer group and prints each headline with the entities found in it.
 * It validates every message against the published contract, as any
 * subscriber should, and skips (but reports) those that do not conform.
 *
 *   KAFKA_BROKERS=127.0.0.1:9092 [KAFKA_TOPIC_NAMESPACE=...] [FROM_BEGINNING=true] \
 *     npx ts-node -P tsconfig.tools.json tools/subscriber/follow-enriched.ts
 *
 * A secured broker takes the services' variables (KAFKA_SSL=true, KAFKA_SSL_CA_FILE,
 * KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD_FILE).
 */
import { logLevel } from 'kafkajs';
import { ArticleEnrichedV1, describeIssues, physicalTopic, TOPICS, validate } from '@newswire/contracts';
import { kafkaFromEnv } from '@newswire/kafka';

const namespace = process.env['KAFKA_TOPIC_NAMESPACE'] ?? '';
const topic = physicalTopic(TOPICS.articleEnriched, namespace);
const groupId = process.env['SUBSCRIBER_GROUP_ID'] ?? `${namespace ? `${namespace}.` : ''}example-follow-enriched`;
const fromBeginning = (process.env['FROM_BEGINNING'] ?? 'true') === 'true';

const names = (list: { name: string }[]) => (list.length ? list.map((e) => e.name).join(', ') : '-');

async function main(): Promise<void> {
  const kafka = kafkaFromEnv('follow-enriched', process.env, { logLevel: logLevel.NOTHING });
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
