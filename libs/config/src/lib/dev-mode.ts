import { z } from 'zod';
import { envBool } from './env-types';

/**
 * Secure by default: every service requires credentials (signed ingest,
 * API tokens, Kafka SASL, store credentials) unless this is set. The README's
 * quick start, the tests and the benchmarks set it; images never do.
 */
export const DevModeEnv = z.object({
  NEWSWIRE_DEV_MODE: envBool(false),
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
