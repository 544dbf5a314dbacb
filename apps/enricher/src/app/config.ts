import { z } from 'zod';
import { envLogLevel } from '@newswire/config';
import { KafkaEnv } from '@newswire/kafka';

export const EnricherEnv = KafkaEnv.extend({ LOG_LEVEL: envLogLevel });
export type EnricherConfig = z.infer<typeof EnricherEnv>;
