import type { Kafka } from 'kafkajs';
import { ConfigError, loadConfig } from '@newswire/config';
import { createKafka, type KafkaClientOptions } from './client';
import { KafkaEnv } from './kafka-config';
import { assessKafkaSecurity, kafkaSecurityFrom } from '@newswire/kafka-security';

/**
 * A client for tools and tests, configured by the same variables as the
 * services (KAFKA_BROKERS, KAFKA_SSL*, KAFKA_SASL*), so a replay, a benchmark
 * or a test reaches a secured broker exactly as a service does. Settings that
 * contradict each other are refused; credentials are not required here (a
 * broker that needs them refuses the client).
 */
export function kafkaFromEnv(clientId: string, env: Record<string, string | undefined> = process.env, options: KafkaClientOptions = {}): Kafka {
  const config = loadConfig(clientId, KafkaEnv, env);
  const { invalid } = assessKafkaSecurity(config);
  if (invalid.length) throw new ConfigError(clientId, invalid);
  return createKafka({ brokers: config.KAFKA_BROKERS, clientId, security: kafkaSecurityFrom(config) }, options);
}
