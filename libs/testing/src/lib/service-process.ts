import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
const DIST = join(ROOT, 'dist/apps');
// Plain CommonJS shared with npm start and the images.
const { heapFlagsOf, mallocEnvOf } = require(join(ROOT, 'deploy/node-heap.js')) as {
  heapFlagsOf: (app: string) => string[];
  mallocEnvOf: (app: string, env: NodeJS.ProcessEnv) => Record<string, string>;
};

/** How to run something other than a built bundle: the program and its arguments, from the repo root. */
export interface Command {
  args: string[];
  cwd: string;
}

/** tools/subscriber/follow-enriched.ts through ts-node, with the tools tsconfig (path aliases, transpile only). */
export function exampleSubscriberCommand(): Command {
  return {
    cwd: ROOT,
    args: [require.resolve('ts-node/dist/bin'), '-P', 'tsconfig.tools.json', 'tools/subscriber/follow-enriched.ts'],
  };
}

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcessOptions {
  command?: Command;
  /** Every line the process prints is also appended here (across restarts). */
  logFile?: string;
  /** Extra arguments for node before the script (e.g. `--require` a probe). */
  nodeArgs?: string[];
}

/**
 * One service run as in production: its built bundle under `node`, with its
 * own environment. Readiness is the service's own log line, not a delay.
 * It may be started again after it exited (a supervisor restarting it).
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private output = '';
  /** Where the current run's output starts: readiness is judged on this run only. */
  private runStart = 0;
  private readonly outputListeners = new Set<() => void>();
  private readonly exitListeners = new Set<(exit: ServiceExit) => void>();
  private readonly options: ServiceProcessOptions;

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    private readonly readyPattern: RegExp,
    options?: Command | ServiceProcessOptions,
  ) {
    this.options = options && 'args' in options ? { command: options } : (options ?? {});
  }

  get log(): string {
    return this.output;
  }

  /** Output of the current (or last) run only. */
  get runLog(): string {
    return this.output.slice(this.runStart);
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(timeoutMs = 60_000): Promise<this> {
    const main = join(DIST, this.name, 'main.js');
    const { command, nodeArgs = [] } = this.options;
    if (!command && !existsSync(main)) throw new Error(`${main} is missing: build the apps first (npx nx run-many -t build)`);
    this.note(`--- ${this.name} starting at ${new Date().toISOString()}\n`);
    this.runStart = this.output.length;
    // SERVICE_NODE_ARGS adds node flags to every built service a harness starts, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`
    // to profile a benchmark run (node refuses --cpu-prof in NODE_OPTIONS).
    const extraArgs = (process.env['SERVICE_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
    // The service's heap budget, as npm start and the images give it (deploy/node-heap.json), unless NODE_OPTIONS sizes the heap.
    const options = this.env['NODE_OPTIONS'] ?? process.env['NODE_OPTIONS'] ?? '';
    const heap = options.includes('--max-old-space-size') ? [] : heapFlagsOf(this.name);
    const child = spawn(process.execPath, command?.args ?? [...heap, ...extraArgs, ...nodeArgs, main], {
      cwd: command?.cwd,
      // The allocator settings beside the heap budget, unless the caller's environment sets them.
      env: { ...mallocEnvOf(this.name, { ...process.env, ...this.env }), ...process.env, ...this.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.runLog}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.note(chunk.toString());
        if (this.readyPattern.test(this.runLog)) {
          clearTimeout(timer);
          resolve(this);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        this.note(`--- ${this.name} exited (code ${code}, signal ${signal}) at ${new Date().toISOString()}\n`);
        reject(new Error(`${this.name} exited with ${code ?? signal}:\n${this.runLog}`));
        this.exitListeners.forEach((listener) => listener({ code, signal }));
      });
    });
  }

  /** Called on every exit of the process, expected or not. */
  onExit(listener: (exit: ServiceExit) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Resolves when the process's output matches (now or later): an event, not a poll. */
  waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<void> {
    if (pattern.test(this.output)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pattern.test(this.output)) return;
        this.outputListeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.outputListeners.delete(check);
        reject(new Error(`${this.name} never printed ${pattern}:\n${this.output}`));
      }, timeoutMs);
      this.outputListeners.add(check);
    });
  }

  /** Sends a signal to the running process (SIGKILL, SIGSTOP, SIGCONT, ...). */
  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child?.kill(signal);
  }

  /** Resolves with the next exit (immediately if the process is not running). */
  exited(): Promise<ServiceExit> {
    const child = this.child;
    if (!child || !this.running) return Promise.resolve({ code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
    return new Promise((resolve) => {
      const off = this.onExit((exit) => {
        off();
        resolve(exit);
      });
    });
  }

  /** SIGTERM, as an orchestrator would; resolves when the process has drained and exited. */
  async stop(): Promise<ServiceExit> {
    const exit = this.exited();
    this.signal('SIGTERM');
    return exit;
  }

  private note(text: string): void {
    this.output += text;
    if (this.options.logFile) appendFileSync(this.options.logFile, text);
    this.outputListeners.forEach((listener) => listener());
  }
}
