/**
 * One fault case end to end: private servers, the four services, traffic,
 * the fault (the case's own code), then wait until the pipeline is idle and
 * check the invariants against the archive. Prints one result line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS } from '@newswire/contracts';
import { checkArchive, type Verdict } from './archive-check';
import { PrivateInfra } from './infra';
import { KafkaState } from './kafka-state';
import { Pipeline, type PipelineOptions } from './pipeline';
import { makeStories, type StorySize } from './stories';
import { Traffic, type TrafficOptions } from './traffic';

/** How long a fault lasts (a broker down, a process paused): a duration, not a synchronisation. */
export function faultFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A whole number in [min, max]. */
export function randomBetween(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

export interface CaseContext {
  readonly name: string;
  readonly short: boolean;
  readonly namespace: string;
  readonly infra: PrivateInfra;
  readonly pipeline: Pipeline;
  readonly kafka: KafkaState;
  /** Posts `count` fresh stories in the background. */
  startTraffic(opts: Omit<TrafficOptions, 'stories'> & { count: number }): Traffic;
  /** A fact for the result line (timings, what was done). */
  note(text: string): void;
  /** A case-specific check that failed (besides the invariants). */
  fail(reason: string): void;
  /** Progress for the person watching (stderr). */
  log(text: string): void;
  /** Seconds since the case started, for notes. */
  elapsed(): string;
}

export interface FaultCase {
  name: string;
  /** Part of `--short` (the CI subset). */
  short: boolean;
  infra?: 'single' | 'proxy' | 'cluster';
  pipeline?: Omit<PipelineOptions, 'logDir' | 'brokers' | 'mongoUri' | 'namespace'> | ((short: boolean) => Omit<PipelineOptions, 'logDir' | 'brokers' | 'mongoUri' | 'namespace'>);
  /** How long the pipeline may take to become idle after the traffic ended. */
  idleTimeoutMs?: number;
  run(ctx: CaseContext): Promise<void>;
}

export interface CaseResult {
  name: string;
  passed: boolean;
  verdict: Verdict;
  line: string;
  logDir: string;
  seconds: number;
}

const COUNTED = [TOPICS.articleReceived, TOPICS.articleEnriched, TOPICS.articleDeduplicated, TOPICS.articleStored];
const EMPTY: Verdict = { accepted: 0, lost: 0, duplicated: 0, extra: 0, lostAsDuplicate: 0, lostInDeadLetters: 0, sampleLost: [], lostLastSeen: {} };

export interface RunOptions {
  short: boolean;
  keep: boolean;
  /** Body size of the stories (a diagnostic knob; the suite's default is 3-5 KB). */
  storySize?: StorySize;
}

export async function runCase(c: FaultCase, runDir: string, opts: RunOptions): Promise<CaseResult> {
  const started = Date.now();
  const dir = join(runDir, c.name);
  const logDir = join(dir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const namespace = `faults-${c.name}-${Date.now().toString(36)}`;
  const notes: string[] = [];
  const failures: string[] = [];
  const elapsed = () => `+${((Date.now() - started) / 1000).toFixed(1)}s`;
  const log = (text: string) => process.stderr.write(`[faults ${c.name} ${elapsed()}] ${text}\n`);
  let infra: PrivateInfra | undefined;
  let pipeline: Pipeline | undefined;
  let kafka: KafkaState | undefined;
  let traffic: Traffic | undefined;
  let verdict = EMPTY;
  try {
    log(`starting private ${c.infra ?? 'single'} Kafka and FerretDB under ${dir}`);
    const state = join(dir, 'state');
    infra = c.infra === 'cluster' ? await PrivateInfra.cluster(state) : await PrivateInfra.single(state, { proxy: c.infra === 'proxy' });
    const pipelineOptions = typeof c.pipeline === 'function' ? c.pipeline(opts.short) : c.pipeline;
    pipeline = new Pipeline({ ...pipelineOptions, logDir, brokers: infra.brokers, mongoUri: infra.mongoUri, namespace });
    log(`starting the services (namespace ${namespace})`);
    await pipeline.start();
    kafka = new KafkaState(infra.brokers, namespace);
    const ctx: CaseContext = {
      name: c.name,
      short: opts.short,
      namespace,
      infra,
      pipeline,
      kafka,
      startTraffic: ({ count, ...rest }) => {
        traffic = new Traffic(() => (pipeline as Pipeline).url, { stories: makeStories(namespace, count, opts.storySize), ...rest }).start();
        return traffic;
      },
      note: (text) => {
        log(text);
        notes.push(text);
      },
      fail: (reason) => {
        log(`FAILED CHECK: ${reason}`);
        failures.push(reason);
      },
      log,
      elapsed,
    };
    await c.run(ctx);
    const t = traffic as Traffic | undefined;
    if (t) await t.finish();
    log('traffic done; waiting until every stage has committed everything');
    const idle = await kafka.waitIdle({
      timeoutMs: c.idleTimeoutMs ?? 600_000,
      stallMs: opts.short ? 90_000 : 150_000,
      ready: () => (pipeline as Pipeline).allUp,
      progress: (lags) => log(`lag ${JSON.stringify(lags)}`),
    });
    notes.push(`idle ${idle.idle ? `after ${(idle.ms / 1000).toFixed(0)}s` : `NOT reached in ${(idle.ms / 1000).toFixed(0)}s, lag ${JSON.stringify(idle.lags)}`}`);
    if (!idle.idle) failures.push('pipeline never idle');
    if (t) verdict = await judge(dir, t, pipeline, kafka, notes, failures);
  } catch (err) {
    failures.push(`harness error: ${(err as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(err)}`);
  } finally {
    await (traffic as Traffic | undefined)?.stop();
    notes.push(...(pipeline?.crashReport() ?? []));
    if (pipeline) {
      log('stopping the services');
      await pipeline.stop().catch(() => undefined);
    }
    await kafka?.close();
    if (infra && !opts.keep) await infra.stop().catch(() => undefined);
  }
  const passed = failures.length === 0 && verdict.lost === 0 && verdict.duplicated === 0 && verdict.extra === 0 && verdict.accepted > 0;
  if (verdict.accepted === 0 && failures.length === 0) failures.push('no story was accepted');
  const seconds = (Date.now() - started) / 1000;
  const details = [...failures.map((f) => `FAILED: ${f}`), ...notes, `${seconds.toFixed(0)}s`].join('; ');
  const line = `fault ${c.name}: ${passed ? 'passed' : 'failed'} lost=${verdict.lost} duplicated=${verdict.duplicated} extra=${verdict.extra} accepted=${verdict.accepted} (${details})`;
  return { name: c.name, passed, verdict, line, logDir, seconds };
}

/** After the pipeline went idle: the invariants, and what explains a failure (dead letters, where lost stories stopped). */
async function judge(dir: string, t: Traffic, pipeline: Pipeline, kafka: KafkaState, notes: string[], failures: string[]): Promise<Verdict> {
  const s = t.stats();
  notes.unshift(
    `sent=${s.sent} 503=${s.status503} connErr=${s.connectionErrors} timeouts=${s.timeouts} p50=${s.p50LatencyMs}ms p99=${s.p99LatencyMs}ms max=${s.maxLatencyMs}ms max503=${s.max503LatencyMs}ms over10s=${s.slowAnswers} traffic=${(s.durationMs / 1000).toFixed(0)}s`,
  );
  if (s.inDoubt) failures.push(`${s.inDoubt} stories never accepted`);
  if (s.refused) failures.push(`${s.refused} stories refused: ${[...t.outcomes.values()].find((o) => o.refused)?.refused}`);
  // More records downstream than accepted stories: redeliveries (harmless if the invariants hold).
  const counts = await Promise.all(COUNTED.map((topic) => kafka.count(topic).catch(() => -1)));
  notes.push(`records received/enriched/deduplicated/stored=${counts.join('/')}`);
  const dlq = await kafka.deadLetters().catch((err: unknown) => {
    notes.push(`dead letters unreadable: ${(err as Error).message}`);
    return { total: 0, reasons: {}, keys: new Set<string>() };
  });
  if (dlq.total) notes.push(`dead letters ${dlq.total}: ${Object.entries(dlq.reasons).map(([r, n]) => `${n}x ${r}`).join(' | ')}`);
  // Every story's fate at the sender, for a post-mortem (which were accepted, with which ids).
  writeFileSync(join(dir, 'stories.jsonl'), [...t.outcomes.values()].map((o) => JSON.stringify(o)).join('\n') + '\n');
  const verdict = await checkArchive(pipeline.mongoUri, t.outcomes, dlq, kafka);
  if (verdict.lost) {
    const trail = Object.entries(verdict.lostLastSeen).map(([where, n]) => `${n} ${where}`).join(', ');
    notes.push(`lost: ${verdict.lostInDeadLetters} in DLQ, ${verdict.lostAsDuplicate} recorded as duplicates, ${trail}; e.g. ${verdict.sampleLost.join(' ')}`);
  }
  return verdict;
}
