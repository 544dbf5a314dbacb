import { z } from 'zod';
import { envInt, envList } from '@newswire/config';
import { MIN_MESSAGE_BYTES } from '@newswire/contracts';
import { type KafkaSecurity, KafkaSecurityEnv, kafkaSecurityFrom } from '@newswire/kafka-security';

/** The Kafka part of every service's environment. */
export const KafkaEnv = z.object({
  KAFKA_BROKERS: envList('127.0.0.1:9092'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  /** Defaults to `newswire-<stage>` inside the topic namespace: instances of one stage share it. */
  KAFKA_GROUP_ID: z.string().min(1).optional(),
  KAFKA_TOPIC_NAMESPACE: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/, 'only letters, digits, ".", "_" and "-"')
    .default(''),
  KAFKA_TOPIC_PARTITIONS: envInt(3, 1, 1000),
  KAFKA_REPLICATION_FACTOR: envInt(1, 1, 7),
  KAFKA_MAX_ATTEMPTS: envInt(3, 1, 20),
  KAFKA_RETRY_BACKOFF_MS: envInt(200, 0, 60_000),
  KAFKA_SESSION_TIMEOUT_MS: envInt(30_000, 6_000, 300_000),
  /**
   * Longest a fetch waits for KAFKA_FETCH_MIN_BYTES (and an idle fetch's long poll); shutdown waits
   * for it, so it also bounds drain time.
   */
  KAFKA_FETCH_MAX_WAIT_MS: envInt(50, 10, 30_000),
  /**
   * Bytes a fetch waits for, up to KAFKA_FETCH_MAX_WAIT_MS, before the broker answers: larger chunks at
   * moderate rates, so fewer store round trips per story, for at most that wait per hop at a trickle.
   * bench:pipeline at 50% of saturation, against 1 byte / 1000 ms: p99 ingest-to-stored 523 -> 447 ms,
   * CPU 23.4 -> 21.2 ms per story (64 KB / 100 ms: 432 ms, 20.1 ms). 1 answers as soon as anything is there.
   */
  KAFKA_FETCH_MIN_BYTES: envInt(32 * 1024, 1, 16 * 1024 * 1024),
  /**
   * Partitions a stage handles at once; their chunks that arrive together share one handler call
   * (one set of store round trips). 1 handles one partition after the other.
   */
  KAFKA_PARTITIONS_AT_ONCE: envInt(3, 1, 64),
  /**
   * The pipeline's one byte budget: `max.message.bytes` of the topics the
   * services create. The ingester's article and body limits derive from it
   * (see byteBudget in @newswire/contracts). 1 MiB is the broker's default.
   */
  KAFKA_MESSAGE_MAX_BYTES: envInt(1024 * 1024, MIN_MESSAGE_BYTES, 64 * 1024 * 1024),
  /** TLS and SASL: every client of every service connects the same way. */
  ...KafkaSecurityEnv.shape,
});

export type KafkaEnvT = z.infer<typeof KafkaEnv>;

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  namespace: string;
  partitions: number;
  replicationFactor: number;
  maxAttempts: number;
  retryBackoffMs: number;
  sessionTimeoutMs: number;
  fetchMaxWaitMs: number;
  fetchMinBytes: number;
  partitionsAtOnce: number;
  maxMessageBytes: number;
  /** Absent: plaintext without credentials (development only; see assessKafkaSecurity). */
  security?: KafkaSecurity;
}

export function kafkaSettingsFrom(env: KafkaEnvT, service: string): KafkaSettings {
  const namespace = env.KAFKA_TOPIC_NAMESPACE;
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID ?? service,
    groupId: env.KAFKA_GROUP_ID ?? (namespace ? `${namespace}.newswire-${service}` : `newswire-${service}`),
    namespace: env.KAFKA_TOPIC_NAMESPACE,
    partitions: env.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    maxAttempts: env.KAFKA_MAX_ATTEMPTS,
    retryBackoffMs: env.KAFKA_RETRY_BACKOFF_MS,
    sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    fetchMaxWaitMs: env.KAFKA_FETCH_MAX_WAIT_MS,
    fetchMinBytes: env.KAFKA_FETCH_MIN_BYTES,
    partitionsAtOnce: env.KAFKA_PARTITIONS_AT_ONCE,
    maxMessageBytes: env.KAFKA_MESSAGE_MAX_BYTES,
    security: kafkaSecurityFrom(env),
  };
}
