/**
 * Sends a topic's retriable dead letters back to it (after an outage is over
 * or a bug is fixed):
 *   npm run dlq:replay -- news.article.deduplicated.v1 [--namespace=ns] [--all]
 * --all replays poison records too. KAFKA_BROKERS says where (default 127.0.0.1:9092); KAFKA_SSL* and
 * KAFKA_SASL* how to connect, as for the services.
 */
import { TOPICS } from '@newswire/contracts';
import { kafkaFromEnv, replayDeadLetters } from '@newswire/kafka';

const args = process.argv.slice(2);
const topic = args.find((a) => !a.startsWith('--'));
const namespace = args.find((a) => a.startsWith('--namespace='))?.split('=')[1] ?? '';
const known: string[] = Object.values(TOPICS);

async function main() {
  if (!topic || !known.includes(topic)) {
    console.error(`usage: dlq:replay -- <topic> [--namespace=ns] [--all]\ntopics: ${known.join(', ')}`);
    process.exit(2);
  }
  const kafka = kafkaFromEnv('newswire-dlq-replay');
  const result = await replayDeadLetters(kafka, { topic, namespace, onlyRetriable: !args.includes('--all') });
  console.log(`dlq-replay: ${result.replayed} replayed, ${result.skipped} left (not retriable)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
