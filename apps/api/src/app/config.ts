import { z } from 'zod';
import { DevModeEnv, envInt, envLogLevel } from '@newswire/config';
import { MongoEnv } from '@newswire/mongo';

export const ApiEnv = MongoEnv.extend(DevModeEnv.shape).extend({
  PORT: envInt(3100, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  /** Page size when the client asks for none; clients may ask up to MAX_PAGE_SIZE. */
  DEFAULT_PAGE_SIZE: envInt(20, 1, 1000),
  MAX_PAGE_SIZE: envInt(100, 1, 1000),
  LOG_LEVEL: envLogLevel,
}).refine((c) => c.DEFAULT_PAGE_SIZE <= c.MAX_PAGE_SIZE, { path: ['DEFAULT_PAGE_SIZE'], message: 'must not exceed MAX_PAGE_SIZE' });

export type ApiConfig = z.infer<typeof ApiEnv>;
export const API_CONFIG = Symbol('API_CONFIG');
