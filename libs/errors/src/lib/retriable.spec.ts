import { askWhileRetriable } from './retriable';

const failing = (retriable: boolean) => Object.assign(new Error(retriable ? 'not yet' : 'refused'), { retriable });

describe('askWhileRetriable', () => {
  it('asks again after retriable errors and returns the first answer', async () => {
    let asked = 0;
    const answer = await askWhileRetriable(async () => (++asked < 3 ? Promise.reject(failing(true)) : 'known'), Date.now() + 5_000, 1);
    expect(answer).toBe('known');
    expect(asked).toBe(3);
  });

  it('gives up at once on an error that is not retriable', async () => {
    let asked = 0;
    await expect(askWhileRetriable(async () => (asked++, Promise.reject(failing(false))), Date.now() + 5_000, 1)).rejects.toThrow('refused');
    expect(asked).toBe(1);
  });

  it('throws the last retriable error once the deadline has passed', async () => {
    let asked = 0;
    await expect(askWhileRetriable(async () => (asked++, Promise.reject(failing(true))), Date.now() - 1, 1)).rejects.toThrow('not yet');
    expect(asked).toBe(1);
  });
});
