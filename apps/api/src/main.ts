import { ConfigError } from '@newswire/config';
import { startApi } from './bootstrap';

startApi().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
  process.exit(err instanceof ConfigError ? 78 : 1);
});
