// Podman as this project's container engine when no Docker engine is installed:
// one containers.conf (runc, bounded ulimits), the Docker-compatible API socket that
// docker-compose and testcontainers use, and small wrappers around the CLI.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const cacheDir = process.env.NEWSWIRE_CACHE_DIR || join(homedir(), '.cache', 'newswire');
// Not podman's default /run/podman/podman.sock: the test harness takes a socket there as a sign
// that containers are wanted (libs/testing container-engine.ts), and other users of this machine
// should not be switched over by a verify run. NEWSWIRE_PODMAN_SOCKET picks another.
export const podmanSocket = process.env.NEWSWIRE_PODMAN_SOCKET || '/run/newswire-podman/podman.sock';

// runc: Debian's podman default runtime works here (crun is not installed). The ulimits
// keep the JVM and Node from sizing tables for the host's huge open-file limit, and a
// runaway process from forking the machine to death.
const CONTAINERS_CONF = `# Written by tools/deploy/podman.mjs
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=1000:1000"]

[engine]
runtime = "runc"
`;

/** The environment every podman invocation (CLI and API service) of these tools gets. */
export function podmanEnv(env = process.env) {
  const conf = join(cacheDir, 'podman', 'containers.conf');
  if (!existsSync(conf)) {
    mkdirSync(join(cacheDir, 'podman'), { recursive: true });
    writeFileSync(conf, CONTAINERS_CONF);
  }
  return { ...env, CONTAINERS_CONF: env.CONTAINERS_CONF || conf };
}

export function log(message) {
  process.stderr.write(`[deploy] ${message}\n`);
}

/** Runs podman and returns its stdout; its stderr goes to ours. */
export function podman(args, options = {}) {
  return execFileSync('podman', args, { env: podmanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20, ...options });
}

/** Runs podman with its output shown (builds), failing on a non-zero exit. */
export function podmanLoud(args, options = {}) {
  execFileSync('podman', args, { env: podmanEnv(), stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

export function imageExists(tag) {
  try {
    execFileSync('podman', ['image', 'exists', tag], { env: podmanEnv(), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Size of an image in MB (podman's own figure: all layers, uncompressed). */
export function imageSizeMb(tag) {
  const bytes = Number(podman(['image', 'inspect', tag, '--format', '{{.Size}}']).trim());
  return Math.round(bytes / 1e6);
}

async function socketAnswers(socket) {
  const { request } = await import('node:http');
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

/**
 * The Docker-compatible API at podmanSocket: reused when it answers, else started
 * (`podman system service --time=0`) and left running for the caller to stop.
 * Returns { socket, stop } where stop ends only a service this call started.
 */
export async function ensurePodmanService(socket = podmanSocket) {
  if (await socketAnswers(socket)) return { socket, started: false, stop: () => undefined };
  mkdirSync(join(socket, '..'), { recursive: true });
  log(`starting podman system service on ${socket}`);
  const child = spawn('podman', ['system', 'service', '--time=0', `unix://${socket}`], { env: podmanEnv(), stdio: 'ignore', detached: true });
  child.unref();
  for (let i = 0; i < 100; i++) {
    if (await socketAnswers(socket)) return { socket, started: true, pid: child.pid, stop: () => stopPid(child.pid) };
    await new Promise((r) => setTimeout(r, 200));
  }
  stopPid(child.pid);
  throw new Error(`podman system service did not answer on ${socket}`);
}

function stopPid(pid) {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
