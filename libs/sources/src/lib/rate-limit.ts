export type Admission = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * A token bucket: holds up to `burst` tokens, refilled continuously at
 * `perMinute`; each request takes one. Time is passed in, so it is pure.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: { perMinute: number; burst: number },
    nowMs: number,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = nowMs;
  }

  take(nowMs: number): Admission {
    const perMs = this.limit.perMinute / 60_000;
    this.tokens = Math.min(this.limit.burst, this.tokens + Math.max(0, nowMs - this.updatedAt) * perMs);
    this.updatedAt = Math.max(this.updatedAt, nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - this.tokens) / perMs / 1000)) };
  }
}

/** One bucket per key (a source id); keys without a limit are always admitted. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly limitOf: (key: string) => { perMinute: number; burst: number } | undefined) {}

  take(key: string, nowMs: number): Admission {
    const limit = this.limitOf(key);
    if (!limit) return { allowed: true };
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.take(nowMs);
  }
}
