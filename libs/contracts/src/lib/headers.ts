/** Kafka header names shared by producers, consumers and dead-letter tooling. */
export const HEADERS = {
  schema: 'x-schema',
  contentType: 'content-type',
  dlqReason: 'x-dlq-reason',
  dlqErrorType: 'x-dlq-error-type',
  /** The error's stable code (`poison_message`, `record_too_large`, ...), for counting and filtering. */
  dlqErrorCode: 'x-dlq-error-code',
  dlqRetriable: 'x-dlq-retriable',
  dlqAttempts: 'x-dlq-attempts',
  dlqSourceTopic: 'x-dlq-source-topic',
  dlqSourcePartition: 'x-dlq-source-partition',
  dlqSourceOffset: 'x-dlq-source-offset',
  dlqFailedAt: 'x-dlq-failed-at',
  dlqStage: 'x-dlq-stage',
  /**
   * A stored story re-run through a stage (`enrichment`): the deduplicator
   * gives the verdict it already gave, storage records a new enrichment
   * version of the story instead of a version, a duplicate or a story.
   */
  replay: 'x-replay',
  /** The operator's replay run, so its results can be told from everything else on the topics. */
  replayId: 'x-replay-id',
  /** The stored article id the replay re-runs (the value carries the same id). */
  replayArticleId: 'x-replay-article-id',
  /** `<dead-letter topic>[<partition>]@<offset>` of a dead letter sent back to its topic. */
  redrivenFrom: 'x-redriven-from-dlq',
} as const;

/** What a replay re-runs; the only kind so far is enrichment (e.g. after an extractor upgrade). */
export const REPLAY_KINDS = ['enrichment'] as const;
export type ReplayKind = (typeof REPLAY_KINDS)[number];

/**
 * Headers every stage copies from its input to each of its outputs (and, like
 * every input header, to a dead letter): a replay stays a replay down to the
 * archive, and its results and failures can be traced to the run.
 */
export const CARRIED_HEADERS: readonly string[] = [HEADERS.replay, HEADERS.replayId, HEADERS.replayArticleId];
/**
 * Set by the ingester on every record it publishes and carried by every stage
 * to its outputs: when the story was accepted (milliseconds since the epoch,
 * decimal), and the W3C trace context of the hop that produced the record.
 */
export const TELEMETRY_HEADERS = {
  ingestedAt: 'x-ingested-at',
  traceparent: 'traceparent',
  tracestate: 'tracestate',
} as const;
