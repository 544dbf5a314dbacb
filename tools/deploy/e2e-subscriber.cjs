// A downstream subscriber for `npm run deploy:verify`, run in a container on the compose network
// (a service image: NODE_PATH=/app/node_modules gives it kafkajs). It reads the enriched and
// stored topics from the beginning in its own consumer group, over SASL_SSL like the services,
// and prints one JSON line per message with what the check needs.
const { readFileSync } = require('node:fs');
const { Kafka, logLevel } = require('kafkajs');

const env = process.env;
const kafka = new Kafka({
  clientId: 'deploy-verify-subscriber',
  brokers: env.KAFKA_BROKERS.split(','),
  ssl: { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] },
  sasl: { mechanism: 'scram-sha-512', username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD },
  logLevel: logLevel.WARN,
});
const consumer = kafka.consumer({ groupId: env.SUBSCRIBER_GROUP });

async function main() {
  await consumer.connect();
  await consumer.subscribe({ topics: ['news.article.enriched.v1', 'news.article.stored.v1'], fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const value = JSON.parse(message.value.toString('utf8'));
      const line = topic.endsWith('enriched.v1')
        ? { topic, articleId: value.article.id, headline: value.article.headline, people: value.enrichment.people.map((p) => p.name) }
        : { topic, articleId: value.articleId, status: value.status, duplicateOf: value.duplicateOf };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    },
  });
  process.stdout.write('subscriber: following news.article.enriched.v1 and news.article.stored.v1\n');
}

const stop = () => consumer.disconnect().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
main().catch((err) => {
  process.stderr.write(`subscriber: ${err.message}\n`);
  process.exit(1);
});
