/** EX_SOFTWARE: a service that could not stop in time; the supervisor notes it and moves on. */
export const EXIT_SHUTDOWN_TIMEOUT = 70;
export const DEFAULT_SHUTDOWN_GRACE_MS = 25_000;

/**
 * Bounds how long a stopping service may take. Nest's shutdown hooks drain
 * the consumer and close connections; with the broker or the store gone they
 * can wait forever (kafkajs keeps retrying a leave-group). Past the grace
 * period the process exits anyway: whatever was not committed is redelivered
 * to the next owner, so nothing is lost. Kubernetes' default termination
 * grace is 30 s, hence 25 s here.
 */
export function installShutdownGrace(
  service: string,
  graceMs = DEFAULT_SHUTDOWN_GRACE_MS,
  exit: (code: number) => void = (code) => process.exit(code),
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
  source: Pick<NodeJS.EventEmitter, 'on' | 'off'> = process,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = (signal: NodeJS.Signals) => {
    if (timer) return;
    process.stderr.write(`${service}: ${signal} received, stopping (at most ${graceMs} ms)\n`);
    timer = setTimeout(() => {
      process.stderr.write(`${service}: still stopping after ${graceMs} ms, exiting without waiting further\n`);
      exit(EXIT_SHUTDOWN_TIMEOUT);
    }, graceMs);
    // The timer must not be what keeps a process alive that has otherwise finished.
    timer.unref();
  };
  for (const s of signals) source.on(s, arm);
  return () => {
    for (const s of signals) source.off(s, arm);
    if (timer) clearTimeout(timer);
  };
}
