import { ConfigError, loadConfigOrExit } from '@newswire/config';
import { superviseStage } from '@newswire/kafka';
import { startEnricher } from './bootstrap';
import { EnricherEnv } from './app/config';
import { runClustered } from './cluster';

const config = loadConfigOrExit('enricher', EnricherEnv);
runClustered(config.ENRICHER_WORKERS, () =>
  startEnricher()
    .then(superviseStage)
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
      process.exit(err instanceof ConfigError ? 78 : 1);
    }),
);
