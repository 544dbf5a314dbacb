/**
 * A service process under a supervisor, as in production (systemd,
 * Kubernetes): when it exits without being asked to, it is started again
 * after a short back-off. Every unexpected exit is recorded, so a
 * crash-looping stage shows up as a count and its last words.
 */
import { type ServiceExit, ServiceProcess } from '@newswire/testing';

export interface Crash extends ServiceExit {
  at: Date;
  /** The last lines the process printed before it died. */
  lastLines: string;
}

const RESTART_BACKOFF_MS = 1000;

export class Supervised {
  readonly crashes: Crash[] = [];
  /** Exits the harness caused on purpose (SIGKILL, SIGTERM). */
  readonly inflicted: { signal: string; at: Date }[] = [];
  private expectExit = false;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private ready: Promise<void> = Promise.resolve();
  private up = false;

  constructor(
    readonly label: string,
    readonly process: ServiceProcess,
    /** Restart after an exit the harness did not ask to be permanent. */
    private readonly autoRestart = true,
  ) {
    process.onExit((exit) => this.onExit(exit));
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  get running(): boolean {
    return this.process.running;
  }

  /** Stopped or killed for good on purpose: not expected to be up. */
  get stays(): boolean {
    return this.stopped;
  }

  /** Starts the process and resolves once it printed its readiness line. */
  start(timeoutMs = 120_000): Promise<void> {
    this.stopped = false;
    this.ready = this.process.start(timeoutMs).then(
      () => {
        this.up = true;
      },
      () => undefined, // an exit before readiness is handled (and recorded) by onExit
    );
    return this.ready;
  }

  /** Resolves when the process is up and ready (after a restart, once it is up again). */
  async whenReady(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.up && !this.stopped) {
      if (Date.now() > deadline) throw new Error(`${this.label} not ready within ${timeoutMs} ms (${this.crashes.length} crashes)`);
      await this.ready;
      if (!this.up) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** A fault: SIGKILL now; the supervisor restarts it unless `stay` says it stays dead. */
  async kill(opts: { stay?: boolean } = {}): Promise<ServiceExit> {
    this.inflicted.push({ signal: 'SIGKILL', at: new Date() });
    if (opts.stay) this.stopped = true;
    this.expectExit = true;
    const exit = this.process.exited();
    this.process.signal('SIGKILL');
    return exit;
  }

  pause(): void {
    this.inflicted.push({ signal: 'SIGSTOP', at: new Date() });
    this.process.signal('SIGSTOP');
  }

  resume(): void {
    this.process.signal('SIGCONT');
  }

  /**
   * SIGTERM and wait for the exit, bounded: a process still alive after
   * `timeoutMs` is SIGKILLed and reported as hung. Not restarted.
   */
  async terminate(timeoutMs = 60_000): Promise<ServiceExit & { ms: number; hung: boolean }> {
    const started = Date.now();
    this.stopped = true;
    this.expectExit = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (!this.process.running) return { code: null, signal: null, ms: 0, hung: false };
    this.inflicted.push({ signal: 'SIGTERM', at: new Date() });
    const exit = this.process.exited();
    this.process.signal('SIGCONT');
    this.process.signal('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const hung = await Promise.race([
      exit.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (hung) this.process.signal('SIGKILL');
    return { ...(await exit), ms: Date.now() - started, hung };
  }

  private onExit(exit: ServiceExit): void {
    this.up = false;
    const expected = this.expectExit;
    this.expectExit = false;
    if (!expected) {
      // The service's own last lines, not the harness's and the probe's notes.
      const lines = this.process.runLog
        .trimEnd()
        .split('\n')
        .filter((l) => !l.startsWith('---') && !l.startsWith('[fault-probe]'));
      this.crashes.push({ ...exit, at: new Date(), lastLines: lines.slice(-6).join('\n') });
    }
    if (this.stopped || !this.autoRestart) return;
    this.ready = new Promise((resolve) => {
      this.restartTimer = setTimeout(() => {
        this.restartTimer = undefined;
        if (this.stopped) return resolve();
        void this.start().then(resolve);
      }, RESTART_BACKOFF_MS);
    });
  }
}
