import { PipelineError } from './errors';

/**
 * Broker answers that concern the record itself: sending it again can never
 * succeed, so the input that produced it is dead-lettered. Everything else a
 * publish can meet (connections, leaders moving, too few in-sync replicas,
 * timeouts, even credentials or ACLs) is about the environment: it is retried
 * for as long as the stage runs, and nothing is dead-lettered for it.
 */
const RECORD_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TIMESTAMP',
  'UNSUPPORTED_COMPRESSION_TYPE',
]);
/** JavaScript errors thrown while encoding a record: the same record fails the same way again. */
const ENCODING_ERRORS = new Set(['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError']);

/** A record refused before it is sent: it is larger than its topic takes. */
export class RecordTooLargeError extends PipelineError {
  readonly retriable = false;
  readonly code = 'record_too_large';
  constructor(
    readonly topic: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`a record of ${bytes} bytes exceeds the limit of ${limit} bytes of topic ${topic}`);
  }
}

/** The broker refused a record for what it is (its size, its format). */
export class RecordRejectedError extends PipelineError {
  readonly retriable = false;
  readonly code = 'record_rejected';
}

/** The broker did not acknowledge in time, or could not be reached: try again later. */
export class BrokerUnavailableError extends PipelineError {
  readonly retriable = true;
  readonly code = 'broker_unavailable';
}

export type PublishFailure = { kind: 'record'; reason: string } | { kind: 'transient'; reason: string };

/** kafkajs wraps the broker's answer in retry errors (`cause`, `originalError`): look through them. */
function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = err;
  while (current && typeof current === 'object' && out.length < 6 && !out.includes(current)) {
    out.push(current);
    const c = current as { cause?: unknown; originalError?: unknown };
    current = c.originalError ?? c.cause;
  }
  return out.length ? out : [err];
}

export function classifyPublishFailure(err: unknown): PublishFailure {
  const reason = err instanceof Error ? err.message : String(err);
  for (const e of chain(err)) {
    if (e instanceof RecordTooLargeError || e instanceof RecordRejectedError) return { kind: 'record', reason: e.message };
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && RECORD_ERRORS.has(type)) return { kind: 'record', reason: `${type}: ${(e as Error).message}` };
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string' && ENCODING_ERRORS.has(name)) return { kind: 'record', reason: `${name}: ${(e as Error).message}` };
  }
  return { kind: 'transient', reason };
}
