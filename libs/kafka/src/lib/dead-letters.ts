import type { IHeaders, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf, HEADERS, physicalTopic } from '@newswire/contracts';
import { errorCodeOf, errorMessageOf, errorTypeOf, isRetriable } from './errors';
import { type EncodedRecord, recordBytes } from './records';

/** A dead letter ready to send, and where its input came from (for logs). */
export interface DeadLetterRecord {
  record: EncodedRecord;
  source: string;
  /** The error's class name (x-dlq-error-type), for counting. */
  errorType: string;
}

/** Set when a dead letter had to travel without the failed record's value (find it at the source offset). */
export const DLQ_VALUE_OMITTED_HEADER = 'x-dlq-value-omitted';

export interface DeadLetterInput {
  /** Logical topic the input was read from. */
  topic: string;
  physicalTopic: string;
  partition: number;
  offset: string;
  namespace: string;
  stage: string;
  message: KafkaMessage;
  err: unknown;
  attempts: number;
}

/** The failed record's own key and bytes, with the reason and its origin in `x-dlq-*` headers. */
export function deadLetterOf(input: DeadLetterInput): DeadLetterRecord {
  const { message, err } = input;
  const errorType = errorTypeOf(err);
  const headers: IHeaders = {
    ...(message.headers ?? {}),
    [HEADERS.dlqReason]: errorMessageOf(err).slice(0, 4000),
    [HEADERS.dlqErrorType]: errorType,
    [HEADERS.dlqErrorCode]: errorCodeOf(err),
    [HEADERS.dlqRetriable]: String(isRetriable(err)),
    [HEADERS.dlqAttempts]: String(input.attempts),
    [HEADERS.dlqSourceTopic]: input.physicalTopic,
    [HEADERS.dlqSourcePartition]: String(input.partition),
    [HEADERS.dlqSourceOffset]: input.offset,
    [HEADERS.dlqFailedAt]: new Date().toISOString(),
    [HEADERS.dlqStage]: input.stage,
  };
  const kafkaMessage = { key: message.key, value: message.value, headers };
  return {
    record: { topic: physicalTopic(deadLetterTopicOf(input.topic), input.namespace), message: kafkaMessage, bytes: recordBytes(kafkaMessage) },
    source: `${input.physicalTopic}[${input.partition}]@${input.offset}`,
    errorType,
  };
}

/**
 * The last resort when the dead-letter topic refuses a record (its limit is
 * lower than the input topic's): the reason and the origin still get
 * through, and the value can be read back from the source offset.
 */
export function valueOmitted(dead: DeadLetterRecord, why: string): EncodedRecord {
  const headers: IHeaders = { ...(dead.record.message.headers ?? {}), [DLQ_VALUE_OMITTED_HEADER]: why.slice(0, 1000) };
  const message = { key: dead.record.message.key, value: null, headers };
  return { topic: dead.record.topic, message, bytes: recordBytes(message) };
}
