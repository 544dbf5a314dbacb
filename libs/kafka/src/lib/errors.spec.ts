import { errorTypeOf, isRetriable, PoisonMessageError, TransientError } from './errors';

describe('pipeline errors', () => {
  it('say whether a retry can help', () => {
    expect(isRetriable(new PoisonMessageError('bad'))).toBe(false);
    expect(isRetriable(new TransientError('later'))).toBe(true);
    expect(isRetriable(new Error('unknown'))).toBe(true);
    expect(isRetriable({ retriable: false })).toBe(false);
    expect(errorTypeOf(new PoisonMessageError('bad'))).toBe('PoisonMessageError');
  });
});
