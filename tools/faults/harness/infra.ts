/**
 * A case's private servers, started with the local stack's own functions
 * (tools/infra/local-stack.mjs): one Kafka broker or a KRaft cluster, and
 * FerretDB, on free ports with state under the case's folder. The harness
 * signals them by pid to inject faults.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TcpProxy } from '@newswire/testing';

interface StackSettings {
  state: string;
  brokers: string;
  mongoUri: string;
  logs: string;
}
interface ClusterNode {
  id: number;
  name: string;
  port: number;
}
interface LocalStack {
  stackSettings(env: Record<string, string | undefined>): StackSettings;
  startKafka(s: StackSettings): Promise<void>;
  startFerretDb(s: StackSettings): Promise<void>;
  stopServer(s: StackSettings, name: string): Promise<void>;
  pidOf(s: StackSettings, name: string): number | undefined;
  startCluster(o: { nodes: number; basePort: number; stateDir: string }): Promise<{ brokers: string; settings: StackSettings; nodes: ClusterNode[] }>;
}

// A real dynamic import: ts-node compiles to CommonJS, whose require() cannot load .mjs.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
let stackModule: Promise<LocalStack> | undefined;
export function localStack(): Promise<LocalStack> {
  stackModule ??= importEsm(pathToFileURL(join(__dirname, '../../infra/local-stack.mjs')).href) as Promise<LocalStack>;
  return stackModule;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

let nextPort = 21000 + Math.floor(Math.random() * 200) * 50;
/** `count` consecutive free ports, never 9092/27017 (the shared stack). */
export async function freePorts(count: number): Promise<number[]> {
  for (;;) {
    const base = nextPort;
    nextPort += count + 1;
    if (nextPort > 60000) nextPort = 21000;
    const ports = Array.from({ length: count }, (_, i) => base + i);
    const free = await Promise.all(ports.map(portIsFree));
    if (free.every(Boolean)) return ports;
  }
}

export type SignalName = 'SIGKILL' | 'SIGSTOP' | 'SIGCONT' | 'SIGTERM';

/** Kafka (one node or a cluster) and FerretDB for one case. */
export class PrivateInfra {
  private constructor(
    private readonly stack: LocalStack,
    readonly settings: StackSettings,
    readonly brokers: string,
    readonly kafkaNodes: ClusterNode[],
    private readonly clusterOptions?: { nodes: number; basePort: number; stateDir: string },
    /** Between the clients and the broker, when asked for. */
    readonly proxy?: TcpProxy,
  ) {}

  get mongoUri(): string {
    return this.settings.mongoUri;
  }

  /**
   * One broker and FerretDB. With `proxy`, a TCP proxy listens on its own
   * port and the broker advertises that port, so every client connection
   * (bootstrap and per-broker) goes through the proxy.
   */
  static async single(stateDir: string, opts: { proxy?: boolean } = {}): Promise<PrivateInfra> {
    const stack = await localStack();
    const [kafkaPort, controllerPort, ferretPort, proxyPort] = await freePorts(4);
    const proxy = opts.proxy ? await new TcpProxy(proxyPort, { host: '127.0.0.1', port: kafkaPort }).start() : undefined;
    const s = stack.stackSettings({
      ...process.env,
      NEWSWIRE_STATE_DIR: stateDir,
      NEWSWIRE_LOG_DIR: join(stateDir, 'logs'),
      LOCAL_KAFKA_PORT: String(kafkaPort),
      LOCAL_KAFKA_CONTROLLER_PORT: String(controllerPort),
      LOCAL_KAFKA_ADVERTISED_PORT: proxy ? String(proxyPort) : undefined,
      LOCAL_FERRETDB_PORT: String(ferretPort),
    });
    await Promise.all([stack.startFerretDb(s), stack.startKafka(s)]);
    const brokers = proxy ? `127.0.0.1:${proxyPort}` : s.brokers;
    return new PrivateInfra(stack, s, brokers, [{ id: 1, name: 'kafka', port: kafkaPort }], undefined, proxy);
  }

  /** A KRaft cluster of `nodes` combined nodes (replication factor = nodes, min ISR 2) and FerretDB. */
  static async cluster(stateDir: string, nodes = 3): Promise<PrivateInfra> {
    const stack = await localStack();
    const [ferretPort, basePort] = await freePorts(2 * nodes + 2).then((p) => [p[0], p[2]]);
    const s = stack.stackSettings({
      ...process.env,
      NEWSWIRE_STATE_DIR: stateDir,
      NEWSWIRE_LOG_DIR: join(stateDir, 'logs'),
      LOCAL_FERRETDB_PORT: String(ferretPort),
    });
    const options = { nodes, basePort, stateDir };
    const [, cluster] = await Promise.all([stack.startFerretDb(s), stack.startCluster(options)]);
    return new PrivateInfra(stack, s, cluster.brokers, cluster.nodes, options);
  }

  kafkaPid(nodeId = this.kafkaNodes[0].id): number | undefined {
    const node = this.kafkaNodes.find((n) => n.id === nodeId);
    return node ? this.stack.pidOf(this.settings, node.name) : undefined;
  }

  signalKafka(signal: SignalName, nodeId?: number): number {
    const pid = this.kafkaPid(nodeId);
    if (!pid) throw new Error(`Kafka node ${nodeId ?? 1} is not running`);
    process.kill(pid, signal);
    return pid;
  }

  /** Starts the broker(s) that are not running, on their existing data, and waits until they answer. */
  async restartKafka(): Promise<void> {
    if (this.clusterOptions) await this.stack.startCluster(this.clusterOptions);
    else await this.stack.startKafka(this.settings);
  }

  async stopFerretDb(): Promise<void> {
    await this.stack.stopServer(this.settings, 'ferretdb');
  }

  async startFerretDb(): Promise<void> {
    await this.stack.startFerretDb(this.settings);
  }

  async stop(): Promise<void> {
    await this.proxy?.stop();
    for (const node of this.kafkaNodes) {
      const pid = this.stack.pidOf(this.settings, node.name);
      if (pid) process.kill(pid, 'SIGCONT'); // a stopped JVM cannot handle SIGTERM
    }
    await Promise.all([
      ...this.kafkaNodes.map((node) => this.stack.stopServer(this.settings, node.name)),
      this.stack.stopServer(this.settings, 'ferretdb'),
    ]);
  }
}
