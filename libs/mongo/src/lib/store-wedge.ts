import mongoose from 'mongoose';
import type { StoreProbe } from './store-health';

/**
 * Notices a process whose own store connection stays broken after the store
 * came back, and asks for a restart.
 *
 * Seen once in the store-down fault case (CI of e36ecf5): after FerretDB was
 * stopped for 45 s and started again, every operation of the storage service
 * kept failing with the same "connection 1 to <host> closed" for minutes,
 * while the deduplicator on the same store recovered within seconds. A
 * process in that state never heals itself and holds its partitions. The
 * cause (in the driver or in our use of it) was not found; this watch bounds
 * the damage whatever it is: when the service's own probe has failed for
 * longer than `afterMs` but a fresh client reaches the store, the connection
 * is declared wedged. The supervisor (Kubernetes, compose's restart policy)
 * starts the process again, and Kafka redelivers whatever was uncommitted,
 * which every stage handles idempotently. While the store is really down,
 * the fresh client fails too, and nothing restarts.
 */
export class StoreWedgeWatch {
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  private fired = false;

  constructor(
    private readonly probe: Pick<StoreProbe, 'downSince'>,
    /** Whether a client that shares nothing with the service's connection reaches the store. */
    private readonly freshPing: () => Promise<boolean>,
    private readonly onWedged: (reason: string) => void,
    private readonly afterMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  start(intervalMs = Math.max(1_000, Math.min(15_000, this.afterMs / 4))): void {
    if (this.afterMs <= 0) return;
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One look; true when it declared the connection wedged. */
  async check(): Promise<boolean> {
    const since = this.probe.downSince;
    if (this.fired || this.checking || since === undefined || this.afterMs <= 0) return false;
    const downMs = this.now() - since;
    if (downMs < this.afterMs) return false;
    this.checking = true;
    try {
      if (!(await this.freshPing())) return false;
      // The probe may have recovered while the fresh client connected.
      if (this.probe.downSince === undefined) return false;
      this.fired = true;
      this.onWedged(`the store connection has failed for ${Math.round(downMs / 1000)} s while a fresh client reaches the store`);
      return true;
    } finally {
      this.checking = false;
    }
  }
}

/** A ping over a short-lived client of its own: nothing shared with the service's pool. */
export async function freshStorePing(uri: string, timeoutMs = 3_000): Promise<boolean> {
  const conn = mongoose.createConnection(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs, socketTimeoutMS: timeoutMs, maxPoolSize: 1 });
  try {
    await conn.asPromise();
    await conn.db?.command({ ping: 1 });
    return conn.db !== undefined;
  } catch {
    return false;
  } finally {
    await conn.close(true).catch(() => undefined);
  }
}

/** The default response: stop as an operator would, with a code that says "try again". */
export function restartForWedge(service: string): (reason: string) => void {
  return (reason) => {
    process.stderr.write(`${service}: store connection wedged (${reason}); stopping so the supervisor starts a fresh process\n`);
    process.exitCode = EXIT_TEMPFAIL;
    process.kill(process.pid, 'SIGTERM');
  };
}

/** EX_TEMPFAIL: a restart is expected to help. */
export const EXIT_TEMPFAIL = 75;
