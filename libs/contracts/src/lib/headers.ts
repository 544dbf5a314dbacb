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
} as const;

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
