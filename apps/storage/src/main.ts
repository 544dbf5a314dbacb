import { ConfigError } from '@newswire/config';
import { superviseStage } from '@newswire/kafka';
import { startStorage } from './bootstrap';

startStorage()
  .then(superviseStage)
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error).stack}\n`);
    process.exit(err instanceof ConfigError ? 78 : 1);
  });
