import { ConfigError } from '@newswire/config';
import { startEnricher } from './bootstrap';

startEnricher()
  .then(({ app }) => app.enableShutdownHooks())
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  });
