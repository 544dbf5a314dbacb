/**
 * Like kafkajs' own errors, each platform error says whether trying again can
 * help, and carries a stable code (snake_case) that logs, dead-letter headers
 * and HTTP bodies use, so operators can count and filter failures by kind
 * without parsing messages. Free of frameworks: domain libs throw them too.
 */
export abstract class PlatformError extends Error {
  abstract readonly retriable: boolean;
  abstract readonly code: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Input that will never succeed however often it is retried: dead-letter it at once. */
export class PoisonMessageError extends PlatformError {
  readonly retriable = false;
  readonly code: string = 'poison_message';
}

/** A hiccup (a database election, a leader change): retry with backoff, within a bound. */
export class TransientError extends PlatformError {
  readonly retriable = true;
  readonly code: string = 'transient';
}

/** A dependency that is down (the store, the broker): waited out however long, never dead-lettered. */
export class DependencyUnavailableError extends TransientError {
  override readonly code: string = 'dependency_unavailable';
}

/** A configuration that cannot work (raised at start-up, exit code 78). */
export class MisconfigurationError extends PlatformError {
  readonly retriable = false;
  readonly code = 'misconfiguration';
}

/** Unknown errors are treated as transient: a bug gets its bounded retries, then the dead-letter topic. */
export function isRetriable(err: unknown): boolean {
  if (err instanceof PlatformError) return err.retriable;
  if (err && typeof err === 'object' && 'retriable' in err) return Boolean((err as { retriable: unknown }).retriable);
  return true;
}

/** The stable code of an error: its own `code` when it has a string one, else `unexpected`. */
export function errorCodeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z][a-z0-9_]*$/.test(code) ? code : 'unexpected';
}

export function errorTypeOf(err: unknown): string {
  return err instanceof Error ? err.name : typeof err;
}

export function errorMessageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
