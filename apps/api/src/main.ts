import { ConfigError } from '@newswire/config';
import { installShutdownGrace } from '@newswire/platform';
import { startApi } from './bootstrap';

startApi()
  .then(({ config }) => installShutdownGrace('api', config.SHUTDOWN_GRACE_MS))
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  });
