import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { freePort } from './ports';

const REPO = join(__dirname, '../../../..');
const TOOLS = join(REPO, 'tools/infra');
export const PROMETHEUS_CONFIG_DIR = join(REPO, 'deploy/observability/prometheus');

/**
 * Calls an exported function of one of the tools' ES modules in a child Node process (Jest's sandbox cannot
 * import them) and returns its JSON result.
 */
export function callToolModule<T>(module: string, call: string, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const url = JSON.stringify(pathToFileURL(join(TOOLS, module)).href);
  const script = `import * as m from ${url};\nprocess.stdout.write(JSON.stringify(await m.${call}));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { env, maxBuffer: 8 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${module}: ${call} failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout) as T);
    });
  });
}

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface PromRule {
  name: string;
  type: 'alerting' | 'recording';
  health: string;
  lastError?: string;
  query: string;
}

export interface PromTarget {
  labels: Record<string, string>;
  health: string;
  lastError: string;
  scrapeUrl: string;
}

interface ApiAnswer<T> {
  status: 'success' | 'error';
  data: T;
  errorType?: string;
  error?: string;
}

export interface PrometheusServerOptions {
  /** host:port of each job of the shipped prometheus.yml; every job must have one. */
  targets: Record<string, string>;
  /** Scrape and rule evaluation interval (the shipped default is 15s). */
  interval?: string;
}

/**
 * A real Prometheus for a test: the shipped configuration (deploy/observability/prometheus/prometheus.yml) with
 * its static targets replaced by the test's and a short interval, the shipped rule files, its own data folder and
 * a free port. Binaries come from tools/infra/prometheus.mjs (PROMETHEUS_BIN, PATH, or a Go build).
 */
export class PrometheusServer {
  private output = '';

  private constructor(
    readonly url: string,
    readonly version: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
  ) {}

  get log(): string {
    return this.output;
  }

  static async start({ targets, interval = '1s' }: PrometheusServerOptions, timeoutMs = 60_000): Promise<PrometheusServer> {
    const { prometheus } = await callToolModule<{ prometheus: string }>('prometheus.mjs', 'resolvePrometheus()');
    const version = await callToolModule<string>('prometheus.mjs', `prometheusVersion(${JSON.stringify(prometheus)})`);
    const dir = mkdtempSync(join(tmpdir(), 'newswire-prometheus-'));
    const config = testConfig(targets, interval);
    writeFileSync(join(dir, 'prometheus.yml'), stringifyYaml(config));
    const port = await freePort();
    const child = spawn(
      prometheus,
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const server = new PrometheusServer(`http://127.0.0.1:${port}`, version, child, dir);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prometheus not ready after ${timeoutMs} ms:\n${server.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        server.output += chunk.toString();
        // Its own log line once the TSDB is open, the rules are loaded and the web API answers.
        if (/Server is ready to receive web requests/.test(server.output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Prometheus exited with ${code}:\n${server.output}`));
      });
    });
    return server;
  }

  /** An instant query; an error answer (a query that does not parse, for one) throws. */
  async query(expr: string): Promise<PromSample[]> {
    const data = await this.api<{ resultType: string; result: PromSample[] | [number, string] }>(`/api/v1/query?query=${encodeURIComponent(expr)}`);
    // A scalar answer (e.g. `time()`) is one value without labels.
    return data.resultType === 'scalar' ? [{ metric: {}, value: data.result as [number, string] }] : (data.result as PromSample[]);
  }

  async rules(): Promise<PromRule[]> {
    const data = await this.api<{ groups: { rules: PromRule[] }[] }>('/api/v1/rules');
    return data.groups.flatMap((group) => group.rules);
  }

  async targets(): Promise<PromTarget[]> {
    return (await this.api<{ activeTargets: PromTarget[] }>('/api/v1/targets')).activeTargets;
  }

  /**
   * Asks `probe` until it returns a value (not undefined), within the deadline: Prometheus learns of the services'
   * state only at its next scrape, so the test polls its API as a dashboard would.
   */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 250): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await probe();
        if (value !== undefined) return value;
      } catch (err) {
        last = err;
      }
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
      await delay(everyMs);
    }
  }

  /** The value of a query that returns one series, once it satisfies `accept`. */
  waitForValue(expr: string, accept: (value: number) => boolean, timeoutMs?: number): Promise<number> {
    return this.waitFor(
      `${expr} to reach the expected value`,
      async () => {
        const result = await this.query(expr);
        const value = result.length === 1 ? Number(result[0].value[1]) : undefined;
        return value !== undefined && accept(value) ? value : undefined;
      },
      timeoutMs,
    );
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      this.child.removeAllListeners('exit');
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async api<T>(path: string): Promise<T> {
    const res = await fetch(`${this.url}${path}`);
    const body = (await res.json()) as ApiAnswer<T>;
    if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.errorType}: ${body.error}`);
    return body.data;
  }
}

interface ScrapeConfig {
  job_name: string;
  static_configs?: { targets: string[] }[];
}

/** The shipped configuration with the test's targets and interval, and absolute rule file paths. */
function testConfig(targets: Record<string, string>, interval: string): Record<string, unknown> {
  const shipped = parseYaml(readFileSync(join(PROMETHEUS_CONFIG_DIR, 'prometheus.yml'), 'utf8')) as {
    global: Record<string, string>;
    rule_files: string[];
    scrape_configs: ScrapeConfig[];
  };
  const jobs = shipped.scrape_configs.map((job) => job.job_name);
  const unknown = Object.keys(targets).filter((job) => !jobs.includes(job));
  const missing = jobs.filter((job) => !targets[job]);
  if (unknown.length || missing.length) throw new Error(`test targets do not match prometheus.yml's jobs (${jobs.join(', ')}): missing ${missing.join(', ') || 'none'}, unknown ${unknown.join(', ') || 'none'}`);
  return {
    ...shipped,
    global: { ...shipped.global, scrape_interval: interval, scrape_timeout: interval, evaluation_interval: interval },
    rule_files: shipped.rule_files.map((file) => join(PROMETHEUS_CONFIG_DIR, file)),
    scrape_configs: shipped.scrape_configs.map((job) => ({ ...job, static_configs: [{ targets: [targets[job.job_name]] }] })),
  };
}
