import { ConfigError, loadConfigOrExit } from '@newswire/config';
import { startEnricher } from './bootstrap';
import { EnricherEnv } from './app/config';
import { runClustered } from './cluster';

const config = loadConfigOrExit('enricher', EnricherEnv);
runClustered(config.ENRICHER_WORKERS, () =>
  startEnricher()
    .then(({ app }) => app.enableShutdownHooks())
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
      process.exit(err instanceof ConfigError ? 78 : 1);
    }),
);
