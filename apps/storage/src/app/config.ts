import { z } from 'zod';
import { envInt } from '@newswire/config';
import { StageEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';

export const StorageEnv = StageEnv.extend(MongoEnv.shape).extend({
  /** How often recent list-index postings are compacted (FerretDB only). */
  LIST_INDEX_COMPACT_INTERVAL_MS: envInt(60_000, 1_000, 3_600_000),
});
export type StorageConfig = z.infer<typeof StorageEnv>;
