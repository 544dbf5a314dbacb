import { z } from 'zod';
import { DevModeEnv, envInt, envLogLevel } from '@newswire/config';
import { KafkaEnv } from '@newswire/kafka';

export const IngesterEnv = KafkaEnv.extend(DevModeEnv.shape).extend({
  PORT: envInt(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  /** Bodies larger than this, on the wire or once inflated (Content-Encoding), are refused with 413. */
  MAX_BODY_BYTES: envInt(5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  /** A document (feed, ninjs list, JSON array) with more items is refused whole with 413. */
  MAX_ITEMS_PER_DOCUMENT: envInt(1000, 1, 100_000),
  LOG_LEVEL: envLogLevel,
});

export type IngesterConfig = z.infer<typeof IngesterEnv>;
export const INGESTER_CONFIG = Symbol('INGESTER_CONFIG');
