import { z } from 'zod';
import { envBool } from './env-types';

/**
 * Secure by default: every service requires credentials (signed ingest,
 * API tokens, Kafka SASL, store credentials) unless this is set. The README's
 * quick start, the tests and the benchmarks set it; images never do.
 */
export const DevModeEnv = z.object({
  NEWSWIRE_DEV_MODE: envBool(false),
  /**
   * Outside development mode, the infrastructure links an operator knowingly
   * runs without credentials or TLS (`kafka`, `store`: e.g. a broker on a
   * private network without SASL), while the platform's own checks (signed
   * ingest, API tokens) stay on. Each one is announced at start-up.
   */
  NEWSWIRE_ALLOW_INSECURE: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['kafka', 'store'], { message: 'must list only kafka and/or store' }))),
});
export type DevModeConfig = z.infer<typeof DevModeEnv>;

/**
 * The banner a service prints at start-up in development mode, naming what
 * is left open, so nobody runs it that way by accident without seeing it.
 */
export function devModeBanner(service: string, open: string[]): string {
  const lines = [
    `${service}: DEVELOPMENT MODE (NEWSWIRE_DEV_MODE=true): NOT FOR PRODUCTION`,
    ...open.map((o) => `  - ${o}`),
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  return [bar, ...lines.map((l) => `! ${l.padEnd(width - 4)} !`), bar].join('\n');
}
