import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';

/**
 * Runs `start` in `workers` processes that join one consumer group, so
 * Kafka spreads partitions across cores. The primary only supervises: it
 * restarts a worker that dies and forwards shutdown signals.
 */
export function runClustered(workers: number, start: () => Promise<unknown>): void {
  if (workers <= 1 || !cluster.isPrimary) {
    void start();
    return;
  }
  const log = new Logger('enricher:cluster');
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  log.log(`supervising ${workers} enricher workers`);
}
