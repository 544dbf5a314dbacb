import { createServer, type Server } from 'node:http';

/** Named readiness conditions: the consumer runs, the broker answers, the store answers. */
export type ReadinessChecks = Record<string, () => boolean>;

export interface ReadinessReport {
  ready: boolean;
  body: { status: 'ready' | 'not-ready'; checks: Record<string, 'up' | 'down'> };
}

/** Names only: readiness never shows addresses or error text to whoever asks. */
export function readiness(checks: ReadinessChecks): ReadinessReport {
  const results = Object.fromEntries(Object.entries(checks).map(([name, check]) => [name, check() ? 'up' : 'down'] as const));
  const ready = Object.values(results).every((r) => r === 'up');
  return { ready, body: { status: ready ? 'ready' : 'not-ready', checks: results } };
}

/**
 * Liveness and readiness for stages, which have no HTTP API of their own:
 * ready means every check passes (the consumer runs and has not crashed,
 * the broker and the store answer), so an orchestrator stops routing to, or
 * restarts, a stage that cannot work. The server is unref'd (it never keeps
 * a stopping process alive) and closes with the stage's transport.
 */
export function startHealthServer(port: number, checks: ReadinessChecks): Promise<Server> {
  const server = createServer((req, res) => {
    let status = 404;
    let body: unknown = { error: 'not_found' };
    if (req.url === '/health/live') [status, body] = [200, { status: 'ok' }];
    else if (req.url === '/health/ready') {
      const report = readiness(checks);
      [status, body] = [report.ready ? 200 : 503, report.body];
    }
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.unref();
      resolve(server);
    });
  });
}
