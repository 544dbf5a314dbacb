import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { envInt, envLogLevel } from '@newswire/config';
import { KafkaEnv } from '@newswire/kafka';

export const EnricherEnv = KafkaEnv.extend({
  LOG_LEVEL: envLogLevel,
  /** Enrichment is CPU-bound: one consumer process per core, all in one consumer group. */
  ENRICHER_WORKERS: envInt(availableParallelism(), 1, 64),
});
export type EnricherConfig = z.infer<typeof EnricherEnv>;
