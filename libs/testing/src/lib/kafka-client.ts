import { Kafka, logLevel } from 'kafkajs';
import { kafkaSecurityFromEnv } from '@newswire/kafka-security';

type Env = Record<string, string | undefined>;

/** The variables that say how to reach a secured broker; tests pass them on to the services they start. */
export const KAFKA_SECURITY_VARIABLES = [
  'KAFKA_SSL',
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SSL_CERT_FILE',
  'KAFKA_SSL_KEY_FILE',
  'KAFKA_SSL_REJECT_UNAUTHORIZED',
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_SASL_PASSWORD_FILE',
] as const;

export function kafkaSecurityEnv(env: Env = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KAFKA_SECURITY_VARIABLES) {
    const value = env[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * A quiet client for test fixtures, configured like the services (brokers,
 * TLS, SASL from `env`), so the whole suite can run against a secured broker.
 */
export function testKafka(clientId: string, brokers: string, env: Env = process.env): Kafka {
  return new Kafka({ clientId, brokers: [brokers], ...kafkaSecurityFromEnv(clientId, env), logLevel: logLevel.NOTHING });
}
