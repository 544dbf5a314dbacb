/** When to poll a source next. */
export interface ScheduleInput {
  /** The source's interval while it answers. */
  everySeconds: number;
  /** Failed polls in a row, this one included (0 after a success or a 304). */
  failures: number;
  /** Longest wait between failed polls. */
  maxBackoffSeconds: number;
  /** A `Retry-After` the server sent (429, 503): never asked again sooner. */
  retryAfterSeconds?: number;
}

/**
 * The delay before the next poll, in milliseconds. After a success: the
 * interval. After failures: exponential backoff from the interval (doubling
 * per failure, capped) with "equal jitter" (half fixed, half random), so
 * instances that failed together do not retry in step, and a failing source
 * is never asked more often than its interval.
 */
export function nextPollDelayMs(input: ScheduleInput, random: () => number = Math.random): number {
  const base = input.everySeconds * 1000;
  if (input.failures <= 0) return base;
  const cap = Math.max(base, input.maxBackoffSeconds * 1000);
  // 2^30 is past every cap: the exponent stops there rather than overflow.
  const exp = Math.min(cap, base * 2 ** Math.min(input.failures - 1, 30));
  const jittered = exp / 2 + random() * (exp / 2);
  const floor = Math.max(base, (input.retryAfterSeconds ?? 0) * 1000);
  return Math.round(Math.min(Math.max(jittered, floor), Math.max(cap, floor)));
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
