import { RateLimiter, TokenBucket } from './rate-limit';

describe('rate limits', () => {
  it('admits a burst, then one request per refill interval, and says when to retry', () => {
    const bucket = new TokenBucket({ perMinute: 60, burst: 3 }, 0);
    expect([0, 0, 0].map((t) => bucket.take(t).allowed)).toEqual([true, true, true]);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(bucket.take(500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(bucket.take(1000)).toEqual({ allowed: true });
    expect(bucket.take(1000).allowed).toBe(false);
  });

  it('never holds more than the burst however long it was idle', () => {
    const bucket = new TokenBucket({ perMinute: 60, burst: 2 }, 0);
    const later = 3_600_000;
    expect([later, later, later].map((t) => bucket.take(t).allowed)).toEqual([true, true, false]);
  });

  it('rounds Retry-After up to whole seconds for slow refills', () => {
    const bucket = new TokenBucket({ perMinute: 2, burst: 1 }, 0);
    expect(bucket.take(0).allowed).toBe(true);
    expect(bucket.take(0)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect(bucket.take(29_500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('keeps one bucket per source: one source at its limit does not slow another', () => {
    const limiter = new RateLimiter((id) => (id === 'unlimited' ? undefined : { perMinute: 1, burst: 1 }));
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('b', 0).allowed).toBe(true);
    expect(Array.from({ length: 100 }, () => limiter.take('unlimited', 0).allowed).every(Boolean)).toBe(true);
  });
});
