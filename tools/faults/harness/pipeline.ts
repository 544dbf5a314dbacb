/**
 * The four services of one case, run from their built bundles (dist/apps)
 * in development mode, with the case's namespace, database and brokers,
 * each under a supervisor and logging to the case's folder.
 */
import { join } from 'node:path';
import { ServiceProcess } from '@newswire/testing';
import { freePorts } from './infra';
import { type StageName, STAGES } from './kafka-state';
import { Supervised } from './supervised';

export const STAGE_READY = /consuming .* as group/;
export const INGESTER_READY = /ready: POST (http:\/\/\S+)\/v1\/articles/;
const PROBE = join(__dirname, 'shutdown-probe.cjs');

export interface PipelineOptions {
  logDir: string;
  brokers: string;
  mongoUri: string;
  namespace: string;
  /** Environment for every service (overrides the defaults). */
  env?: Record<string, string>;
  /** Environment for one stage's instances. */
  stageEnv?: Partial<Record<StageName, Record<string, string>>>;
  /** Instances per stage, all in the stage's one consumer group (default 1). */
  instances?: Partial<Record<StageName, number>>;
}

export class Pipeline {
  readonly stages = new Map<StageName, Supervised[]>();
  ingester!: Supervised;
  url = '';
  /** The case's database on the case's store. */
  mongoUri = '';

  /** How a stage instance is made: kept from start() so addInstance() makes the same kind. */
  private makeStage: ((stage: StageName, index: number) => Supervised) | undefined;

  constructor(private readonly o: PipelineOptions) {}

  get all(): Supervised[] {
    return [this.ingester, ...[...this.stages.values()].flat()];
  }

  stage(name: StageName, instance = 0): Supervised {
    const s = this.stages.get(name)?.[instance];
    if (!s) throw new Error(`no ${name} instance ${instance}`);
    return s;
  }

  /** Starts every service and resolves once each printed its readiness line. */
  async start(): Promise<void> {
    const [port] = await freePorts(1);
    const database = this.o.namespace.replace(/[^a-zA-Z0-9_]/g, '_');
    const url = new URL(this.o.mongoUri);
    url.pathname = `/${database}`;
    this.mongoUri = url.toString();
    const base: Record<string, string> = {
      KAFKA_BROKERS: this.o.brokers,
      MONGODB_URI: this.mongoUri,
      KAFKA_TOPIC_NAMESPACE: this.o.namespace,
      NEWSWIRE_DEV_MODE: 'true',
      NEWSWIRE_ALLOW_INSECURE: 'kafka,store',
      LOG_LEVEL: 'log',
      // Two cores are shared by everything here: one enricher process, not one per core.
      ENRICHER_WORKERS: '1',
      ...this.o.env,
    };
    const make = (name: string, label: string, env: Record<string, string>, ready: RegExp) =>
      new Supervised(label, new ServiceProcess(name, env, ready, { logFile: join(this.o.logDir, `${label}.log`), nodeArgs: ['--require', PROBE] }));

    this.ingester = make('ingester', 'ingester', { ...base, HOST: '127.0.0.1', PORT: String(port) }, INGESTER_READY);
    this.url = `http://127.0.0.1:${port}`;
    const makeStage = (stage: StageName, index: number) =>
      make(stage, `${stage}-${index + 1}`, { ...base, ...this.o.stageEnv?.[stage], KAFKA_CLIENT_ID: `${stage}-${index + 1}` }, STAGE_READY);
    this.makeStage = makeStage;
    for (const stage of STAGES) {
      const count = this.o.instances?.[stage] ?? 1;
      this.stages.set(
        stage,
        Array.from({ length: count }, (_, i) => (count > 1 ? makeStage(stage, i) : make(stage, stage, { ...base, ...this.o.stageEnv?.[stage], KAFKA_CLIENT_ID: `${stage}-1` }, STAGE_READY))),
      );
    }
    await Promise.all(this.all.map((s) => s.start()));
    const notUp = this.all.filter((s) => !s.running);
    if (notUp.length) throw new Error(`did not start: ${notUp.map((s) => `${s.label}: ${s.crashes.at(-1)?.lastLines ?? '?'}`).join('; ')}`);
  }

  /** Starts one more instance of a stage in its consumer group (scaling out under load); resolves once it is ready. */
  async addInstance(stage: StageName): Promise<Supervised> {
    if (!this.makeStage) throw new Error('start the pipeline first');
    const instances = this.stages.get(stage) ?? [];
    const added = this.makeStage(stage, instances.length);
    instances.push(added);
    this.stages.set(stage, instances);
    await added.start();
    return added;
  }

  /** Every service alive and ready (none restarting). */
  get allUp(): boolean {
    return this.all.every((s) => s.running || s.stays);
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((s) => s.terminate(30_000)));
  }

  /** `service: N crashes (last exit code 70: <last line>)` for every service that crashed. */
  crashReport(): string[] {
    return this.all
      .filter((s) => s.crashes.length > 0)
      .map((s) => {
        const last = s.crashes[s.crashes.length - 1];
        const line = last.lastLines.split('\n').reverse().find((l) => /error|crash|fail/i.test(l)) ?? last.lastLines.split('\n').pop();
        return `${s.label} crashed ${s.crashes.length}x (last ${last.code ?? last.signal}: ${(line ?? '').trim().slice(0, 220)})`;
      });
  }
}
