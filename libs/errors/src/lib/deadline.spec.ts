import { DeadlineExceededError, withDeadline } from './deadline';

describe('withDeadline', () => {
  it('gives the answer that comes in time', async () => {
    await expect(withDeadline(Promise.resolve(42), 1_000, 'answer')).resolves.toBe(42);
  });

  it('passes the work’s own failure through', async () => {
    await expect(withDeadline(Promise.reject(new Error('refused')), 1_000, 'answer')).rejects.toThrow('refused');
  });

  it('rejects with a retriable, coded error when the work never answers', async () => {
    const never = new Promise<never>(() => undefined);
    const err = await withDeadline(never, 5, 'store ping').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceededError);
    expect(err).toMatchObject({ code: 'deadline_exceeded', retriable: true, message: 'store ping did not answer within 5 ms' });
  });
});
