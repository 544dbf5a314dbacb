import { withDeadline } from '@newswire/errors';
import type { Connection } from 'mongoose';

/** Driver errors that say the store cannot be reached, rather than that a request was wrong. */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  // STORE_REPLY_TIMEOUT_MS ran out waiting for a pooled connection (the pool's connections all wait on a
  // store that does not answer); the driver's retry of a timed-out read usually ends here.
  'MongoWaitQueueTimeoutError',
  'MongoOperationTimeoutError',
]);
/**
 * Node's own socket errors. The driver passes some through unwrapped: a
 * write to a connection the store closed fails with a plain Error, code
 * EPIPE ("This socket has been ended by the other party").
 */
const SOCKET_ERRORS = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Server codes of a node stepping down, shutting down or unreachable (not the caller's fault). */
const UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 9001, 10107, 11600, 11602, 13435, 13436]);

/**
 * Whether an error means the store is unavailable (down, restarting, failing
 * over), so the work should wait for it rather than be dead-lettered.
 */
export function isStoreUnavailable(err: unknown): boolean {
  // A bulk write that could not reach the store is a MongoBulkWriteError keeping the network error as `errorResponse`.
  const next = (e: object): unknown => (e as { cause?: unknown }).cause ?? ((e as { errorResponse?: unknown }).errorResponse instanceof Error ? (e as { errorResponse?: unknown }).errorResponse : undefined);
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = next(e), depth++) {
    const { name, code, message } = e as { name?: unknown; code?: unknown; message?: unknown };
    if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
    if (typeof code === 'number' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof code === 'string' && SOCKET_ERRORS.has(code)) return true;
    // mongoose queues commands while disconnected and gives up after bufferTimeoutMS.
    if (typeof message === 'string' && /buffering timed out|connection .* closed|Client must be connected/i.test(message)) return true;
    const labels = (e as { errorLabels?: unknown }).errorLabels;
    if (Array.isArray(labels) && (labels.includes('ResetPool') || labels.includes('RetryableWriteError'))) return true;
  }
  return false;
}

/**
 * Pings the store in the background so readiness answers at once and
 * reflects an idle service too: a stage with nothing to do still reports a
 * store that went away.
 */
export class StoreProbe {
  private ok = false;
  private timer: NodeJS.Timeout | undefined;
  private failingSince: number | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly intervalMs = 5_000,
    private readonly timeoutMs = 2_000,
  ) {}

  get reachable(): boolean {
    return this.ok;
  }

  /** Since when the pings have failed without a break, if they are failing. */
  get downSince(): number | undefined {
    return this.failingSince;
  }

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async check(): Promise<boolean> {
    this.ok = await this.ping();
    this.failingSince = this.ok ? undefined : (this.failingSince ?? Date.now());
    return this.ok;
  }

  private async ping(): Promise<boolean> {
    const db = this.connection.db;
    if (!db || this.connection.readyState !== 1) return false;
    try {
      await withDeadline(db.command({ ping: 1 }), this.timeoutMs, 'store ping');
      return true;
    } catch {
      return false;
    }
  }
}

/** The store's readiness condition, read from a started Nest application that imports MongoModule. */
export function storeReadiness(app: { get: <T>(token: new (...args: never[]) => T) => T }): Record<string, () => boolean> {
  const probe = app.get(StoreProbe);
  return { store: () => probe.reachable };
}
