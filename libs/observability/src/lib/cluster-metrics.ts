import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { MetricsSource } from './health';
import { Readiness } from './health';
import { METRIC_PREFIX, type ServiceMetrics } from './metrics';

/**
 * In a cluster worker: answer the primary's metric requests with this
 * service's registry (prom-client's cluster protocol over IPC). Workers do
 * not listen on the health port themselves: connections to a shared port are
 * spread over the workers, so each scrape would see a different one.
 */
export function reportToPrimary(metrics: ServiceMetrics): void {
  // prom-client installs a worker's IPC listener when an AggregatorRegistry is made, not on import.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([metrics.registry]);
}

/**
 * In the primary: `/metrics` is the sum of the workers' series (gauges by
 * their own aggregator: `newswire_ready` the minimum, lag summed over the
 * partitions each worker owns, outage length the maximum).
 */
export class ClusterMetrics implements MetricsSource {
  private readonly aggregator = new AggregatorRegistry();

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.aggregator.contentType, body: await this.aggregator.clusterMetrics() };
  }

  /** Each worker's readiness checks, ANDed across workers (the aggregated `newswire_ready`). */
  async readiness(): Promise<Map<string, boolean>> {
    const checks = new Map<string, boolean>();
    const pattern = new RegExp(`^${METRIC_PREFIX}ready\\{([^}]*)\\} (\\S+)$`);
    for (const line of (await this.aggregator.clusterMetrics()).split('\n')) {
      const match = pattern.exec(line);
      const check = match && /check="([^"]*)"/.exec(match[1])?.[1];
      if (check) checks.set(check, Number(match[2]) === 1);
    }
    return checks;
  }
}

/**
 * The primary's readiness: every worker is up (`workers`), and every check
 * every worker reports passes. Asking the workers may fail (one is
 * restarting): then nothing is known, and `workers` is down.
 */
export function clusterReadiness(metrics: ClusterMetrics, expectedWorkers: number): Readiness {
  let last: Promise<Map<string, boolean> | undefined> | undefined;
  // One IPC round per probe, shared by the checks it evaluates.
  const ask = () => (last ??= metrics.readiness().catch(() => undefined).finally(() => setImmediate(() => (last = undefined))));
  const readiness = new Readiness();
  readiness.add('workers', async () => Object.keys(cluster.workers ?? {}).length >= expectedWorkers && (await ask()) !== undefined);
  for (const check of ['consumer', 'broker']) readiness.add(check, async () => (await ask())?.get(check) === true);
  return readiness;
}
