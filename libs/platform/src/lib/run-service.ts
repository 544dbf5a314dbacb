import type { LogLevel } from '@nestjs/common';
import { ConfigError } from '@newswire/config';
import { EXIT_SHUTDOWN_TIMEOUT, installShutdownGrace } from './shutdown';

/** Exit codes every service uses, so supervisors and operators read them the same way. */
export const EXIT_CODES = {
  /** Start-up failed for a reason other than configuration (a server unreachable at start). */
  startFailure: 1,
  /** EX_SOFTWARE: the consumer crashed for good, or stopping outlasted its grace period. */
  software: EXIT_SHUTDOWN_TIMEOUT,
  /** EX_CONFIG: a bad or missing setting; restarting will not help. */
  config: 78,
} as const;

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Nest's levels up to and including `level` (LOG_LEVEL=warn logs fatal, error and warn). */
export function logLevelsUpTo(level: LogLevel): LogLevel[] {
  return ORDER.slice(0, ORDER.indexOf(level) + 1);
}

/**
 * The one start-up path of every service's `main.ts`: start it, bound its
 * shutdown by SHUTDOWN_GRACE_MS, and exit with a code that says why when it
 * cannot start (78 for configuration, which a restart does not fix).
 */
export function runService<T extends { config: { SHUTDOWN_GRACE_MS: number } }>(
  service: string,
  start: () => Promise<T>,
  onStarted: (started: T) => void = () => undefined,
): Promise<void> {
  return start().then(
    (started) => {
      installShutdownGrace(service, started.config.SHUTDOWN_GRACE_MS);
      onStarted(started);
    },
    (err: unknown) => {
      const config = err instanceof ConfigError;
      process.stderr.write(`${config ? err.message : `${service}: could not start: ${(err as Error)?.stack ?? String(err)}`}\n`);
      process.exit(config ? EXIT_CODES.config : EXIT_CODES.startFailure);
    },
  );
}
