/**
 * kafkajs 2.2.4 (the last release; the project is unmaintained) keeps a timer loop running on every broker connection
 * once its first request completes (tulios/kafkajs#1556; the fix proposed in #1667 was never merged): the request
 * queue's checkPendingRequests reschedules itself with a negative delay even when nothing waits, so each connection
 * wakes its process about once a millisecond for as long as it lives. Measured on an idle pipeline here: 1,700 event-loop
 * wake-ups a second and 30-50 ms of CPU a second in each service, the broker answering the same few fetches; and under
 * load the loop competes with the stage's work on a small box.
 *
 * This replaces the scheduler with #1667's fix: a check is scheduled only while a request waits (for a client-side
 * throttle to end or for an in-flight slot), at the throttle's end or kafkajs's own 10 ms. Nothing else can need one: a
 * request that cannot go at once is pushed, which schedules; a request that completes or times out checks the queue.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
}

interface RequestQueueClass {
  prototype: { scheduleCheckPendingRequests(this: RequestQueueInternals): void };
}

/** The kafkajs release this was written against and checked on (kafkajs-idle-timer.spec.ts); another is left alone. */
export const KAFKAJS_IDLE_TIMER_FIXED_IN = '2.2.4';
/** kafkajs's own interval for re-checking a queue that waits on in-flight requests. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

let applied: boolean | undefined;

/**
 * Applies the fix once per process (every kafkajs client in it shares the patched queue) and says whether it did: not
 * for a kafkajs release other than the one it was checked on, whose queue may differ.
 */
export function fixKafkajsIdleTimer(): boolean {
  if (applied !== undefined) return applied;
  const { version } = require('kafkajs/package.json') as { version: string };
  if (version !== KAFKAJS_IDLE_TIMER_FIXED_IN) return (applied = false);
  const RequestQueue = require('kafkajs/src/network/requestQueue') as RequestQueueClass;
  RequestQueue.prototype.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: RequestQueueInternals) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const throttledFor = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      throttledFor > 0 ? throttledFor : CHECK_PENDING_REQUESTS_INTERVAL_MS,
    );
  };
  return (applied = true);
}
