import { randomBytes } from 'node:crypto';
import { kafkaSecurityEnv } from './kafka-client';

/** Every test gets its own topics (through a namespace), group ids and database. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export function testEnv(prefix: string): Record<string, string> {
  const name = uniqueName(prefix);
  const brokers = process.env['KAFKA_BROKERS'];
  const mongo = process.env['MONGODB_URI'];
  if (!brokers || !mongo) throw new Error('KAFKA_BROKERS and MONGODB_URI must be set (jest globalSetup sets them)');
  const url = new URL(mongo);
  url.pathname = `/${name.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  return {
    // KAFKA_SSL* / KAFKA_SASL* from the environment: the suite can run against a secured broker.
    ...kafkaSecurityEnv(),
    KAFKA_BROKERS: brokers,
    MONGODB_URI: url.toString(),
    KAFKA_TOPIC_NAMESPACE: name,
    KAFKA_TOPIC_PARTITIONS: '2',
    KAFKA_RETRY_BACKOFF_MS: '20',
    KAFKA_FETCH_MAX_WAIT_MS: '50',
    LOG_LEVEL: 'warn',
    // Tests run without credentials unless they test credentials (then they override this). A test of the
    // platform's own checks (signed ingest, API tokens) sets NEWSWIRE_DEV_MODE=false and keeps the local
    // stack's plaintext broker and credential-less store allowed.
    NEWSWIRE_DEV_MODE: 'true',
    NEWSWIRE_ALLOW_INSECURE: process.env['KAFKA_SASL_MECHANISM'] ? 'store' : 'kafka,store',
  };
}
