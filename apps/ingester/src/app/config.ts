import { z } from 'zod';
import { DevModeEnv, envInt, envLogLevel } from '@newswire/config';
import { KafkaEnv } from '@newswire/kafka';

export const IngesterEnv = KafkaEnv.extend(DevModeEnv.shape).extend({
  PORT: envInt(3000, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  /** Bodies larger than this are refused with 413 before they are read. */
  MAX_BODY_BYTES: envInt(5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
  LOG_LEVEL: envLogLevel,
});

export type IngesterConfig = z.infer<typeof IngesterEnv>;
export const INGESTER_CONFIG = Symbol('INGESTER_CONFIG');
