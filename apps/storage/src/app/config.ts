import { z } from 'zod';
import { StageEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';

export const StorageEnv = StageEnv.extend(MongoEnv.shape);
export type StorageConfig = z.infer<typeof StorageEnv>;
