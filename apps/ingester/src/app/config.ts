import { z } from 'zod';
import { DevModeEnv, envInt, envLogLevel } from '@newswire/config';
import { KafkaEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';

export const IngesterEnv = KafkaEnv.extend(DevModeEnv.shape)
  .extend(MongoEnv.shape)
  .extend({
    PORT: envInt(3000, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    /** Bodies larger than this are refused with 413 before they are read. */
    MAX_BODY_BYTES: envInt(5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
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
export const INGESTER_CONFIG = Symbol('INGESTER_CONFIG');
