import { z } from 'zod';
import { DevModeEnv, envInt, envLogLevel } from '@newswire/config';
import { MongoEnv } from '@newswire/mongo';
import { TelemetryEnv } from '@newswire/observability';

export const ApiEnv = MongoEnv.extend(DevModeEnv.shape).extend(TelemetryEnv.shape).extend({
  PORT: envInt(3100, 0, 65535),
  HOST: z.string().default('0.0.0.0'),
  /** Page size when the client asks for none; clients may ask up to MAX_PAGE_SIZE. */
  DEFAULT_PAGE_SIZE: envInt(20, 1, 1000),
  MAX_PAGE_SIZE: envInt(100, 1, 1000),
  LOG_LEVEL: envLogLevel,
  /**
   * The read tokens (JSON or YAML, see auth/token-file.ts). Required outside
   * development mode: the file holds SHA-256 hashes only, never a token.
   */
  API_TOKENS_FILE: z.string().trim().min(1).optional(),
  /** The source registry (the ingester's file), listed at /v1/sources without its secrets; none: an empty list. */
  SOURCES_FILE: z.string().trim().min(1).optional(),
  /** Server-side limit on every store read; past it the client gets 503 query_timeout. */
  API_QUERY_MAX_TIME_MS: envInt(5000, 1, 600_000),
  /**
   * `auto`: on FerretDB, filtered lists read the list index the storage stage keeps, once it is
   * complete and the store answers `_id` ranges from its index; `off`: always the plain query.
   */
  API_LIST_INDEX: z.enum(['auto', 'off']).default('auto'),
  /** Rate limit of a token that sets none of its own (and of anonymous dev-mode clients, per address). */
  API_RATE_LIMIT_PER_MINUTE: envInt(600, 1, 100_000),
  API_RATE_LIMIT_BURST: envInt(30, 1, 10_000),
  /** How long SIGTERM may take before the process exits anyway. */
  SHUTDOWN_GRACE_MS: envInt(25_000, 1_000, 600_000),
}).refine((c) => c.DEFAULT_PAGE_SIZE <= c.MAX_PAGE_SIZE, { path: ['DEFAULT_PAGE_SIZE'], message: 'must not exceed MAX_PAGE_SIZE' });

export type ApiConfig = z.infer<typeof ApiEnv>;
export const API_CONFIG = Symbol('API_CONFIG');
