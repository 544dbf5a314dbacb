import { createServer, type Server } from 'node:http';

/**
 * Liveness and readiness for stages, which have no HTTP API of their own:
 * ready means the consumer is running and has not crashed (kafkajs stops
 * silently on non-retriable errors), so an orchestrator can restart it.
 * The server is unref'd (it never keeps a stopping process alive) and
 * closes with the stage's transport.
 */
export function startHealthServer(port: number, isReady: () => boolean): Promise<Server> {
  const server = createServer((req, res) => {
    const ready = isReady();
    const [status, body] =
      req.url === '/health/live' ? [200, { status: 'ok' }] : req.url === '/health/ready' ? [ready ? 200 : 503, { status: ready ? 'ready' : 'not-ready' }] : [404, { error: 'not_found' }];
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
