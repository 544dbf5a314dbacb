import { z } from 'zod';
import { DevModeEnv, envBool, envInt, envLogLevel } from '@newswire/config';
import { byteBudget } from '@newswire/contracts';
import { KafkaEnv } from '@newswire/kafka';
import { MongoEnv } from '@newswire/mongo';
import { TelemetryEnv } from '@newswire/observability';

export const PollerEnv = KafkaEnv.extend(DevModeEnv.shape)
  .extend(MongoEnv.shape)
  .extend(TelemetryEnv.shape)
  .extend({
    /** The source registry (the ingester's file): every enabled source with a `poll` channel is polled, every `dropFolder` watched. */
    SOURCES_FILE: z.string({ error: 'required: the registry of sources whose feeds are polled' }).min(1, 'required: the registry of sources whose feeds are polled'),
    /** 0 (the default) serves no HTTP; otherwise `/health/live`, `/health/ready` and `/metrics` on this port. */
    HEALTH_PORT: envInt(0, 0, 65535),
    HOST: z.string().default('0.0.0.0'),
    /** How often an instance looks for sources due (each source keeps its own interval). */
    POLL_TICK_MS: envInt(1_000, 50, 60_000),
    /** Polls one instance runs at once. */
    POLL_CONCURRENCY: envInt(4, 1, 256),
    /** A source's lease: an instance that dies mid-poll keeps others off it this long at most. */
    POLL_LEASE_TTL_MS: envInt(30_000, 300, 600_000),
    /** Longest wait between polls of a failing feed (backoff doubles from its interval up to this). */
    POLL_MAX_BACKOFF_SECONDS: envInt(3_600, 1, 7 * 24 * 3600),
    /** Item fingerprints remembered per source (items seen before are not published again). */
    POLL_SEEN_ITEMS: envInt(2_000, 10, 100_000),
    /** A feed with more items is refused whole, as the ingester refuses such a document. */
    MAX_ITEMS_PER_DOCUMENT: envInt(1000, 1, 100_000),
    /** A publish the broker has not acknowledged within this fails the poll (retried with backoff). */
    INGEST_PUBLISH_TIMEOUT_MS: envInt(5_000, 100, 120_000),
    /** How often an instance scans each drop folder (jittered); a file's quiet period is judged on these scans. */
    DROP_SCAN_MS: envInt(1_000, 50, 60_000),
    /** Feed health: count every registered source's stories and dead letters, judge them, announce changes. */
    FEED_HEALTH_ENABLED: envBool(true),
    /** How often sources are judged (by one instance at a time). */
    FEED_HEALTH_TICK_MS: envInt(15_000, 100, 600_000),
    /** The evaluator's lease: an instance that dies while judging keeps the others off it this long at most. */
    FEED_HEALTH_LEASE_TTL_MS: envInt(30_000, 300, 600_000),
    SHUTDOWN_GRACE_MS: envInt(25_000, 1_000, 600_000),
    LOG_LEVEL: envLogLevel,
  });

export type PollerConfig = z.infer<typeof PollerEnv>;

/** The article budget is the ingester's: a polled story must fit every later hop as a pushed one does. */
export const articleBytesOf = (config: PollerConfig) => byteBudget(config.KAFKA_MESSAGE_MAX_BYTES).articleBytes;

export const POLLER_CONFIG = Symbol('POLLER_CONFIG');
