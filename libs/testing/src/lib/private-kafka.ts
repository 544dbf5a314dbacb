import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './ports';

const LOCAL_STACK = pathToFileURL(join(__dirname, '../../../../tools/infra/local-stack.mjs')).href;

/** A broker of a test's own, on free ports with its own state folder, for tests that stop or secure it. */
export interface PrivateKafka {
  /** What a client needs: KAFKA_BROKERS and, when secure, KAFKA_SSL* and KAFKA_SASL*. */
  env: Record<string, string>;
  stateDir: string;
  stop: () => Promise<void>;
}

/**
 * Calls one of the local stack's exported functions in a child Node process:
 * the stack is an ES module, which Jest's sandbox cannot import.
 */
function callLocalStack(fn: 'startKafka' | 'startStack' | 'stopStack' | 'stopServer', env: NodeJS.ProcessEnv, args: string[] = []): Promise<unknown> {
  // The settings come first: stopServer(settings, name); the others take the settings alone.
  const call = `${fn}(${['stackSettings()', ...args.map((a) => JSON.stringify(a))].join(', ')})`;
  const script = `import { ${fn}, stackSettings } from ${JSON.stringify(LOCAL_STACK)};\nprocess.stdout.write(JSON.stringify((await ${call}) ?? null));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script], { env, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`local-stack ${fn} failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

interface PrivateServers {
  env: Record<string, string>;
  stackEnv: NodeJS.ProcessEnv;
  stateDir: string;
  /** Stops whatever still runs and removes the state folder. */
  stop: () => Promise<void>;
}

/**
 * Starts the local stack's `what` ('startKafka' or 'startStack') on free
 * ports, with a state folder of its own. If it does not start, what did start
 * is stopped and the folder kept: the servers' logs say why.
 */
async function startPrivate(what: 'startKafka' | 'startStack', prefix: string, settings: { secure: boolean; store: boolean }): Promise<PrivateServers> {
  const stateDir = mkdtempSync(join(tmpdir(), prefix));
  const [port, controllerPort, ferretPort] = await Promise.all([freePort(), freePort(), settings.store ? freePort() : Promise.resolve(0)]);
  const stackEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEWSWIRE_STATE_DIR: stateDir,
    NEWSWIRE_LOG_DIR: join(stateDir, 'logs'),
    LOCAL_KAFKA_PORT: String(port),
    LOCAL_KAFKA_CONTROLLER_PORT: String(controllerPort),
    ...(settings.store ? { LOCAL_FERRETDB_PORT: String(ferretPort) } : {}),
    LOCAL_KAFKA_SECURE: settings.secure ? '1' : '0',
    LOCAL_KAFKA_HEAP: process.env['LOCAL_KAFKA_HEAP'] ?? '512m',
  };
  try {
    const env = (await callLocalStack(what, stackEnv)) as Record<string, string>;
    const stop = async () => {
      await callLocalStack('stopStack', stackEnv);
      rmSync(stateDir, { recursive: true, force: true });
    };
    return { env, stackEnv, stateDir, stop };
  } catch (err) {
    await callLocalStack('stopStack', stackEnv).catch(() => undefined);
    throw new Error(`${(err as Error).message}\nlogs: ${join(stateDir, 'logs')}`);
  }
}

/** Starts Kafka from the project's local stack (plain text, or SASL_SSL with SCRAM-SHA-512 when `secure`). */
export async function startPrivateKafka({ secure }: { secure: boolean }): Promise<PrivateKafka> {
  const { env, stateDir, stop } = await startPrivate('startKafka', 'newswire-kafka-', { secure, store: false });
  return { env, stateDir, stop };
}

/** Kafka and FerretDB of a test's own, on free ports: for tests that take one of them away from running services. */
export interface PrivateStack {
  /** KAFKA_BROKERS and MONGODB_URI (the server's root: add a database name). */
  env: Record<string, string>;
  stopKafka: () => Promise<void>;
  stopStore: () => Promise<void>;
  /** Stops whatever still runs and removes the state folder. */
  stop: () => Promise<void>;
}

export async function startPrivateStack(): Promise<PrivateStack> {
  const { env, stackEnv, stop } = await startPrivate('startStack', 'newswire-stack-', { secure: false, store: true });
  return {
    env,
    stopKafka: async () => void (await callLocalStack('stopServer', stackEnv, ['kafka'])),
    stopStore: async () => void (await callLocalStack('stopServer', stackEnv, ['ferretdb'])),
    stop,
  };
}
