import { MongoEnv, storeOptionsFrom } from './mongo';

describe('store settings', () => {
  it('bounds the wait for a store reply by default, and takes 0 as no bound', () => {
    expect(storeOptionsFrom(MongoEnv.parse({}))).toEqual({ wedgeRestartMs: 60_000, slowMs: 0, replyTimeoutMs: 60_000 });
    expect(storeOptionsFrom(MongoEnv.parse({ STORE_REPLY_TIMEOUT_MS: '0', STORE_WEDGE_RESTART_S: '5', STORE_SLOW_MS: '250' }))).toEqual({ wedgeRestartMs: 5_000, slowMs: 250, replyTimeoutMs: 0 });
  });

  it('refuses a negative or fractional reply bound', () => {
    expect(MongoEnv.safeParse({ STORE_REPLY_TIMEOUT_MS: '-1' }).success).toBe(false);
    expect(MongoEnv.safeParse({ STORE_REPLY_TIMEOUT_MS: '1.5' }).success).toBe(false);
  });
});
