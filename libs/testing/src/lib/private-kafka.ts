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

/** Starts Kafka from the project's local stack (plain text, or SASL_SSL with SCRAM-SHA-512 when `secure`). */
export async function startPrivateKafka({ secure }: { secure: boolean }): Promise<PrivateKafka> {
  const stateDir = mkdtempSync(join(tmpdir(), 'newswire-kafka-'));
  const [port, controllerPort] = await Promise.all([freePort(), freePort()]);
  const stackEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEWSWIRE_STATE_DIR: stateDir,
    NEWSWIRE_LOG_DIR: join(stateDir, 'logs'),
    LOCAL_KAFKA_PORT: String(port),
    LOCAL_KAFKA_CONTROLLER_PORT: String(controllerPort),
    LOCAL_KAFKA_SECURE: secure ? '1' : '0',
    LOCAL_KAFKA_HEAP: process.env['LOCAL_KAFKA_HEAP'] ?? '512m',
  };
  const stop = async () => {
    await callLocalStack('stopStack', stackEnv);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const env = (await callLocalStack('startKafka', stackEnv)) as Record<string, string>;
    return { env, stateDir, stop };
  } catch (err) {
    // Stopped, but its folder is kept: the broker's log says why it did not start.
    await callLocalStack('stopStack', stackEnv).catch(() => undefined);
    throw new Error(`${(err as Error).message}\nbroker logs: ${join(stateDir, 'logs')}`);
  }
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
  const stateDir = mkdtempSync(join(tmpdir(), 'newswire-stack-'));
  const [port, controllerPort, ferretPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const stackEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NEWSWIRE_STATE_DIR: stateDir,
    NEWSWIRE_LOG_DIR: join(stateDir, 'logs'),
    LOCAL_KAFKA_PORT: String(port),
    LOCAL_KAFKA_CONTROLLER_PORT: String(controllerPort),
    LOCAL_FERRETDB_PORT: String(ferretPort),
    LOCAL_KAFKA_SECURE: '0',
    LOCAL_KAFKA_HEAP: process.env['LOCAL_KAFKA_HEAP'] ?? '512m',
  };
  const stop = async () => {
    await callLocalStack('stopStack', stackEnv);
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    const env = (await callLocalStack('startStack', stackEnv)) as Record<string, string>;
    return {
      env,
      stopKafka: async () => void (await callLocalStack('stopServer', stackEnv, ['kafka'])),
      stopStore: async () => void (await callLocalStack('stopServer', stackEnv, ['ferretdb'])),
      stop,
    };
  } catch (err) {
    await callLocalStack('stopStack', stackEnv).catch(() => undefined);
    throw new Error(`${(err as Error).message}\nlogs: ${join(stateDir, 'logs')}`);
  }
}
