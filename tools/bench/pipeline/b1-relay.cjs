/**
 * B1, the broker-path ceiling: one hop of the pipeline with no processing.
 * Reads a topic with kafkajs eachBatch, publishes the batch unchanged
 * (key, value, headers) to the next topic in one sendBatch with acks=all,
 * then commits, as a stage does. Plain JavaScript run by node, so its CPU
 * and memory are the hop's alone (no compiler loaded).
 *
 *   node b1-relay.cjs <brokers> <from-topic> <to-topic> <group-id>
 */
const { Kafka, logLevel } = require('kafkajs');

async function main() {
  const [brokers, from, to, groupId] = process.argv.slice(2);
  if (!groupId) throw new Error('usage: b1-relay.cjs <brokers> <from-topic> <to-topic> <group-id>');
  const kafka = new Kafka({ brokers: brokers.split(','), clientId: groupId, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, maxBytes: 32 * 1024 * 1024 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topics: [from], fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    // Commit after every batch, as the stages do (they commit only what they have published).
    autoCommitThreshold: 1,
    eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat }) => {
      if (batch.messages.length === 0) return;
      await producer.sendBatch({
        acks: -1,
        topicMessages: [{ topic: to, messages: batch.messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) }],
      });
      resolveOffset(batch.lastOffset());
      await commitOffsetsIfNecessary();
      await heartbeat();
    },
  });
  process.stdout.write(`relay ready: ${from} -> ${to}\n`);
  const stop = async () => {
    await consumer.disconnect();
    await producer.disconnect();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
