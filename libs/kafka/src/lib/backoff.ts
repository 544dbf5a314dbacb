/** Exponential backoff, capped, with jitter so the retries of many consumers do not fall into step. */
export class Backoff {
  attempts = 0;
  constructor(
    private readonly baseMs: number,
    private readonly maxMs = 10_000,
  ) {}

  next(): number {
    this.attempts += 1;
    const ceiling = Math.min(this.maxMs, Math.max(1, this.baseMs) * 2 ** Math.min(this.attempts, 20));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  }
}

/**
 * Waits `ms`, waking early (false) as soon as `live()` turns false, so a
 * stopping or rebalanced stage never sits out a long backoff.
 */
export async function interruptibleDelay(ms: number, live: () => boolean, stepMs = 100): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!live()) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(stepMs, until - Date.now())));
  }
  return live();
}
