import cluster from 'node:cluster';
import { loadConfigOrExit } from '@newswire/config';
import { superviseStage } from '@newswire/kafka';
import { reportToPrimary } from '@newswire/observability';
import { runService } from '@newswire/platform';
import { EnricherEnv } from './app/config';
import { runClustered } from './cluster';
import { startClusterHealth } from './cluster-health';

const config = loadConfigOrExit('enricher', EnricherEnv);
// Loaded where it runs, not at the top: the enrichment lib builds its gazetteers (GeoNames cities, name
// lists) when first loaded, and a clustered primary, which only supervises and serves health, would
// otherwise hold them too (about 100 MB of RSS for nothing).
const startEnricher: typeof import('./bootstrap').startEnricher = (...args) => import('./bootstrap').then((m) => m.startEnricher(...args));
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
