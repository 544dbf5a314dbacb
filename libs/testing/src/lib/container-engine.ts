import { existsSync } from 'node:fs';
import { request } from 'node:http';

/** Where a Docker-compatible engine may listen, in the order testcontainers looks. */
function candidateSockets(): string[] {
  const fromEnv = process.env['DOCKER_HOST'];
  if (fromEnv?.startsWith('unix://')) return [fromEnv.slice('unix://'.length)];
  if (fromEnv) return [];
  return ['/var/run/docker.sock', '/run/podman/podman.sock', `${process.env['XDG_RUNTIME_DIR'] ?? '/run/user/0'}/podman/podman.sock`];
}

function ping(socketPath: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path: '/_ping', method: 'GET', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** True when a container engine answers; a TCP DOCKER_HOST is trusted as configured. */
export async function containerEngineReachable(timeoutMs = 1500): Promise<boolean> {
  if (process.env['TESTCONTAINERS_DISABLED'] === 'true') return false;
  const host = process.env['DOCKER_HOST'];
  if (host && !host.startsWith('unix://')) return true;
  for (const socket of candidateSockets()) {
    if (existsSync(socket) && (await ping(socket, timeoutMs))) return true;
  }
  return false;
}
