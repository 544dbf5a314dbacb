import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { envInt } from '@newswire/config';
import { StageEnv } from '@newswire/kafka';

export const EnricherEnv = StageEnv.extend({
  /** Enrichment is CPU-bound: one consumer process per core, all in one consumer group. */
  ENRICHER_WORKERS: envInt(availableParallelism(), 1, 64),
});
export type EnricherConfig = z.infer<typeof EnricherEnv>;
