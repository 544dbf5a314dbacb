import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { envInt } from '@newswire/config';
import { StageEnv } from '@newswire/kafka';

export const EnricherEnv = StageEnv.extend({
  /** Enrichment is CPU-bound: one consumer process per core, all in one consumer group. */
  ENRICHER_WORKERS: envInt(availableParallelism(), 1, 64),
  /**
   * The statistical entity tagger (fr, es, de, it, nl, pt). Its weights derive from CC BY-NC-SA 4.0 data:
   * `off` keeps to the rules and gazetteers where non-commercial material may not be used.
   */
  ENTITY_TAGGER: z.enum(['on', 'off']).default('on'),
});
export type EnricherConfig = z.infer<typeof EnricherEnv>;
