import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { StartedTestContainer } from 'testcontainers';

/** A started server: where to reach it and how to stop it. */
export interface StartedServer {
  address: string;
  stop: () => Promise<void>;
}

/** A TCP port free on this host now (the broker must advertise it before it starts). */
function freeHostPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const stopper = (container: StartedTestContainer) => async () => {
  await container.stop();
};

/**
 * The official apache/kafka image (or the local stand-in of tools/deploy/build-base-images.mjs),
 * configured through the KAFKA_* variables it turns into broker properties. The testcontainers
 * Kafka module drives only Confluent's images, so this is a generic container. Clients outside
 * must be told the host port, so it is chosen first and bound as is.
 */
export async function startApacheKafka(image: string): Promise<StartedServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const hostPort = await freeHostPort();
  const container = await new GenericContainer(image)
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      CLUSTER_ID: randomBytes(16).toString('base64url'),
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'HOST://0.0.0.0:9092,BROKER://0.0.0.0:29092,CONTROLLER://0.0.0.0:29093',
      KAFKA_ADVERTISED_LISTENERS: `HOST://127.0.0.1:${hostPort},BROKER://localhost:29092`,
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'HOST:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT',
      KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:29093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
      KAFKA_HEAP_OPTS: '-Xmx512m -Xms512m',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .withStartupTimeout(180_000)
    .start();
  return { address: `127.0.0.1:${hostPort}`, stop: stopper(container) };
}

/** FerretDB (SQLite backend) as the MongoDB-compatible store, for engines without a mongo image. */
export async function startFerretDb(image: string): Promise<StartedServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(image)
    .withExposedPorts(27017)
    // As the local stack runs it (tools/infra/local-stack.mjs): WAL commits without an fsync each.
    .withEnvironment({ FERRETDB_HANDLER: 'sqlite', FERRETDB_SQLITE_URL: 'file:/state/?_pragma=synchronous(normal)', FERRETDB_LISTEN_ADDR: ':27017', FERRETDB_TELEMETRY: 'disable' })
    .withWaitStrategy(Wait.forLogMessage(/Listening on TCP/))
    .withStartupTimeout(60_000)
    .start();
  return { address: `mongodb://${container.getHost()}:${container.getMappedPort(27017)}/`, stop: stopper(container) };
}
