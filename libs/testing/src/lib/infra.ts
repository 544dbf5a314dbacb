import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { containerEngineReachable } from './container-engine';
import { startApacheKafka, startFerretDb, type StartedServer } from './generic-containers';

export interface TestInfra {
  kafkaBrokers: string;
  mongoUri: string;
  source: 'env' | 'testcontainers' | 'local';
  /** KAFKA_SSL* / KAFKA_SASL* when the local stack runs Kafka secured (LOCAL_KAFKA_SECURE=1). */
  kafkaSecurity?: Record<string, string>;
  stop: () => Promise<void>;
}

// The testcontainers Kafka module drives Confluent's image (its start-up script and version checks);
// cp-kafka 8.0 is Apache Kafka 4.0 in KRaft mode, which the module enables on its own for tags >= 8.
// Any other Kafka image (apache/kafka, or the local stand-in of tools/deploy/build-base-images.mjs)
// runs as a generic container configured by KAFKA_* variables; a FerretDB image likewise.
const KAFKA_IMAGE = process.env['TEST_KAFKA_IMAGE'] ?? 'confluentinc/cp-kafka:8.0.0';
const MONGO_IMAGE = process.env['TEST_MONGO_IMAGE'] ?? 'mongo:8.0';

async function kafkaContainer(image: string): Promise<StartedServer> {
  if (!image.includes('confluentinc/')) return startApacheKafka(image);
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const kafka = await new KafkaContainer(image).start();
  return { address: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`, stop: async () => void (await kafka.stop()) };
}

async function mongoContainer(image: string): Promise<StartedServer> {
  if (image.includes('ferretdb')) return startFerretDb(image);
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const mongo = await new MongoDBContainer(image).start();
  return { address: `${mongo.getConnectionString()}/?directConnection=true`, stop: async () => void (await mongo.stop()) };
}

async function fromContainers(): Promise<TestInfra> {
  const [kafka, mongo] = await Promise.all([kafkaContainer(KAFKA_IMAGE), mongoContainer(MONGO_IMAGE)]);
  return {
    kafkaBrokers: kafka.address,
    mongoUri: mongo.address,
    source: 'testcontainers',
    stop: async () => {
      await Promise.all([kafka.stop(), mongo.stop()]);
    },
  };
}

// A real dynamic import: ts-jest would otherwise turn it into require(), which cannot load .mjs.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

async function fromLocalStack(): Promise<TestInfra> {
  // The same provisioning `npm start` uses: Kafka from Maven Central, FerretDB built with Go.
  const script = pathToFileURL(join(__dirname, '../../../../tools/infra/local-stack.mjs')).href;
  const stack = (await importEsm(script)) as { startStack: () => Promise<Record<string, string>> };
  const { KAFKA_BROKERS, MONGODB_URI, ...kafkaSecurity } = await stack.startStack();
  return { kafkaBrokers: KAFKA_BROKERS, mongoUri: MONGODB_URI, kafkaSecurity, source: 'local', stop: async () => undefined };
}

/**
 * Servers for integration tests: those named by KAFKA_BROKERS / MONGODB_URI,
 * else containers when an engine answers, else the project's local stack.
 */
export async function resolveInfra(env = process.env): Promise<TestInfra> {
  if (env['KAFKA_BROKERS'] && env['MONGODB_URI']) {
    return { kafkaBrokers: env['KAFKA_BROKERS'], mongoUri: env['MONGODB_URI'], source: 'env', stop: async () => undefined };
  }
  if (await containerEngineReachable()) return fromContainers();
  return fromLocalStack();
}
