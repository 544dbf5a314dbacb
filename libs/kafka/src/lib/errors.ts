/**
 * Like kafkajs' own errors, each pipeline error says whether trying again can
 * help. The consumer runtime retries only retriable ones, within a bound.
 */
export abstract class PipelineError extends Error {
  abstract readonly retriable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that will never succeed however often it is retried: dead-letter it at once. */
export class PoisonMessageError extends PipelineError {
  readonly retriable = false;
}

/** A dependency hiccup (database election, broker leader change): retry with backoff. */
export class TransientError extends PipelineError {
  readonly retriable = true;
}

/** Unknown errors are treated as transient: a bug gets its bounded retries, then the DLQ. */
export function isRetriable(err: unknown): boolean {
  if (err instanceof PipelineError) return err.retriable;
  if (err && typeof err === 'object' && 'retriable' in err) return Boolean((err as { retriable: unknown }).retriable);
  return true;
}

export function errorTypeOf(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export function errorMessageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
