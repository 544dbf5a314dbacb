import { z } from 'zod';
import { envInt } from '@newswire/config';
import { StageEnv } from '@newswire/kafka';

export const EnricherEnv = StageEnv.extend({
  /**
   * Consumer processes, all in one consumer group. One by default: enrichment is bound by memory latency more than by
   * arithmetic, and a second process on a box it shares (2 cores with Kafka, FerretDB and the other stages) cost 40% more
   * CPU an article and stored fewer stories (bench:pipeline 104-119/s against 129-131/s with one, 2026-12-07). The count
   * of cores was the default before, and in a container that is the host's (a 64-core node forked 64). Give more where
   * the enricher has cores of its own (the Helm chart sets its pods' `workers`), or scale out with instances.
   */
  ENRICHER_WORKERS: envInt(1, 1, 64),
  /**
   * The statistical entity tagger (fr, es, de, it, nl, pt). Its weights derive from CC BY-NC-SA 4.0 data:
   * `off` keeps to the rules and gazetteers where non-commercial material may not be used.
   */
  ENTITY_TAGGER: z.enum(['on', 'off']).default('on'),
});
export type EnricherConfig = z.infer<typeof EnricherEnv>;
