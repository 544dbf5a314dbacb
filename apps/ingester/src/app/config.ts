import { z } from 'zod';
import { DevModeEnv, envInt, envLogLevel } from '@newswire/config';
import { byteBudget } from '@newswire/contracts';
import { KafkaEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';
import { TelemetryEnv } from '@newswire/observability';

export const IngesterEnv = KafkaEnv.extend(DevModeEnv.shape)
  .extend(MongoEnv.shape)
  .extend(TelemetryEnv.shape)
  .extend({
    PORT: envInt(3000, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    /**
     * Bodies larger than this, on the wire or once inflated (Content-Encoding),
     * are refused with 413.
     * Default: four times KAFKA_MESSAGE_MAX_BYTES (a feed carries many
     * articles; each must still fit the article budget on its own).
     */
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(512 * 1024 * 1024).optional(),
    /** A document (feed, ninjs list, JSON array) with more items is refused whole with 413. */
    MAX_ITEMS_PER_DOCUMENT: envInt(1000, 1, 100_000),
    /** A submission the broker has not acknowledged within this time is answered 503 (retry later). */
    INGEST_PUBLISH_TIMEOUT_MS: envInt(5_000, 100, 120_000),
    /** How long SIGTERM may take before the process exits anyway. */
    SHUTDOWN_GRACE_MS: envInt(25_000, 1_000, 600_000),
    LOG_LEVEL: envLogLevel,
    /** The source registry (YAML, or JSON when it ends in .json). Required unless NEWSWIRE_DEV_MODE=true. */
    SOURCES_FILE: z.string().min(1).optional(),
    /**
     * How long a delivery id is remembered (its answer replayed). Senders
     * re-sign retries with a fresh timestamp, so this outlives the 5-minute
     * timestamp window by far; 10 minutes is the floor.
     */
    DELIVERY_RETENTION_MINUTES: envInt(24 * 60, 10, 30 * 24 * 60),
  });

export type IngesterConfig = z.infer<typeof IngesterEnv>;

/** The ingester's share of the pipeline's byte budget, from KAFKA_MESSAGE_MAX_BYTES. */
export function ingestLimits(config: IngesterConfig): { bodyBytes: number; articleBytes: number } {
  const budget = byteBudget(config.KAFKA_MESSAGE_MAX_BYTES);
  return { bodyBytes: config.MAX_BODY_BYTES ?? budget.httpBodyBytes, articleBytes: budget.articleBytes };
}

export const INGESTER_CONFIG = Symbol('INGESTER_CONFIG');
