import { z } from 'zod';
import { envBool, envInt } from '@newswire/config';
import { StageEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';

export const StorageEnv = StageEnv.extend(MongoEnv.shape).extend({
  /** How often recent list-index postings are compacted (FerretDB only). */
  LIST_INDEX_COMPACT_INTERVAL_MS: envInt(60_000, 1_000, 3_600_000),
  /** How often due embargoes are looked for (a read of the small embargo_due collection). */
  EMBARGO_RELEASE_INTERVAL_MS: envInt(1_000, 100, 60_000),
  /** The releaser lease's lifetime: an instance that dies holding it blocks releases this long at most. */
  EMBARGO_LEASE_TTL_MS: envInt(30_000, 3_000, 600_000),
  /** Also send each new current version as ninjs 2.1 on news.article.ninjs.v1, beside its stored event. */
  NINJS_TOPIC: envBool(false),
});
export type StorageConfig = z.infer<typeof StorageEnv>;
