import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '../../dist/apps');

/**
 * A service run from its built bundle (`npx nx run-many -t build`), for the
 * CLI's tests: the CLI drives the platform from outside, as an operator does.
 * Ready when the service prints its ready line: an event, not a delay.
 */
export class ServiceBundle {
  private child: ChildProcess | undefined;
  log = '';

  constructor(
    readonly name: string,
    private readonly env: Record<string, string>,
    private readonly ready: RegExp,
  ) {}

  start(timeoutMs = 90_000): Promise<RegExpExecArray> {
    const main = join(DIST, this.name, 'main.js');
    if (!existsSync(main)) throw new Error(`${main} is missing: build it first (npx nx run-many -t build --projects=${this.name})`);
    const child = spawn(process.execPath, [main], { env: { ...process.env, ...this.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.log}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.log += chunk.toString();
        const match = this.ready.exec(this.log);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.name} exited with ${code}:\n${this.log}`));
      });
    });
  }

  /** SIGTERM; resolves once the process has drained and exited. */
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
