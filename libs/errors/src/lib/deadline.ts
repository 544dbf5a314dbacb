import { TransientError } from './errors';

/** A dependency that did not answer in time: as transient as the dependency. */
export class DeadlineExceededError extends TransientError {
  override readonly code: string = 'deadline_exceeded';
}

/**
 * `work`, or a DeadlineExceededError after `ms`, whichever comes first; the
 * timer never outlives the race. Probes use it so that readiness answers
 * "down" in bounded time when a client would rather wait (kafkajs and the
 * MongoDB driver both keep retrying a dead peer for far longer). `late` makes
 * the error a caller's own kind (the stage runtime's HandlerStalledError).
 */
export function withDeadline<T>(work: PromiseLike<T> | T, ms: number, what: string, late: (message: string) => Error = (m) => new DeadlineExceededError(m)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([Promise.resolve(work), deadline]).finally(() => clearTimeout(timer));
}
