import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';

/** EX_CONFIG: a worker refused its configuration; another one would refuse it too. */
const EXIT_CONFIG = 78;

/**
 * Runs `start` in `workers` processes that join one consumer group, so
 * Kafka spreads partitions across cores. The primary consumes nothing: it
 * restarts a worker that dies, forwards shutdown signals and serves what
 * `primaryServer` starts (the health port, for all workers).
 */
export function runClustered(workers: number, start: () => Promise<unknown>, primaryServer?: () => Promise<{ close: () => Promise<void> }>): void {
  if (workers <= 1 || !cluster.isPrimary) {
    void start();
    return;
  }
  const log = new Logger('enricher:cluster');
  let stopping = false;
  // Declared before stop() uses it; made once the workers are forked.
  const server: { current?: Promise<{ close: () => Promise<void> }> } = {};
  const stop = () => {
    stopping = true;
    void server.current?.then((s) => s.close()).catch(() => undefined);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  for (let i = 0; i < workers; i++) cluster.fork();
  // What the primary serves for all workers (the health port); a failure to start it is a start failure.
  server.current = primaryServer?.();
  server.current?.catch((err: unknown) => {
    log.error(`could not serve the health port: ${String(err)}`);
    process.exitCode = 1;
    stop();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (code === EXIT_CONFIG) {
      log.error(`worker ${worker.process.pid} refused its configuration; stopping the other workers`);
      process.exitCode = EXIT_CONFIG;
      stop();
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(EXIT_CONFIG);
      return;
    }
    log.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  log.log(`supervising ${workers} enricher workers`);
}
