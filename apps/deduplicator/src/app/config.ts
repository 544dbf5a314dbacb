import { z } from 'zod';
import { envLogLevel } from '@newswire/config';
import { KafkaEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';

export const DeduplicatorEnv = KafkaEnv.extend(MongoEnv.shape).extend({ LOG_LEVEL: envLogLevel });
export type DeduplicatorConfig = z.infer<typeof DeduplicatorEnv>;
