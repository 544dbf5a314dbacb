import cluster from 'node:cluster';
import { loadConfigOrExit } from '@newswire/config';
import { superviseStage } from '@newswire/kafka';
import { reportToPrimary } from '@newswire/observability';
import { runService } from '@newswire/platform';
import { startEnricher } from './bootstrap';
import { EnricherEnv } from './app/config';
import { runClustered } from './cluster';
import { startClusterHealth } from './cluster-health';

const config = loadConfigOrExit('enricher', EnricherEnv);
const clustered = config.ENRICHER_WORKERS > 1;
runClustered(
  config.ENRICHER_WORKERS,
  // Clustered, the primary serves the health port for all workers; a worker reports its metrics to it over IPC.
  () =>
    runService(
      'enricher',
      () => (clustered && cluster.isWorker ? startEnricher({ ...process.env, HEALTH_PORT: '0' }, { onTelemetry: (t) => reportToPrimary(t.metrics) }) : startEnricher()),
      superviseStage,
    ),
  () => startClusterHealth(config),
);
