import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const DIST = join(ROOT, 'dist/apps');

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

/**
 * One service run as in production: its built bundle under `node`, with its
 * own environment. Readiness is the service's own log line, not a delay.
 */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private output = '';
  private readonly outputListeners = new Set<() => void>();

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    private readonly readyPattern: RegExp,
    private readonly command?: Command,
  ) {}

  get log(): string {
    return this.output;
  }

  start(timeoutMs = 60_000): Promise<this> {
    const main = join(DIST, this.name, 'main.js');
    if (!this.command && !existsSync(main)) throw new Error(`${main} is missing: build the apps first (npx nx run-many -t build)`);
    const child = spawn(process.execPath, this.command?.args ?? [main], {
      cwd: this.command?.cwd,
      env: { ...process.env, ...this.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        this.outputListeners.forEach((listener) => listener());
        if (this.readyPattern.test(this.output)) {
          clearTimeout(timer);
          resolve(this);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code}:\n${this.output}`));
      });
    });
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

  /** SIGTERM, as an orchestrator would; resolves when the process has drained and exited. */
  stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
