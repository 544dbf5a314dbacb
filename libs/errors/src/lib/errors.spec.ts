import { DependencyUnavailableError, errorCodeOf, errorTypeOf, isRetriable, PoisonMessageError, TransientError } from './errors';

describe('platform errors', () => {
  it('say whether a retry can help', () => {
    expect(isRetriable(new PoisonMessageError('bad'))).toBe(false);
    expect(isRetriable(new TransientError('later'))).toBe(true);
    expect(isRetriable(new DependencyUnavailableError('store down'))).toBe(true);
    expect(isRetriable(new Error('unknown'))).toBe(true);
    expect(isRetriable({ retriable: false })).toBe(false);
    expect(errorTypeOf(new PoisonMessageError('bad'))).toBe('PoisonMessageError');
  });

  it('carry stable codes, and never leak a non-code as one', () => {
    expect(errorCodeOf(new PoisonMessageError('bad'))).toBe('poison_message');
    expect(errorCodeOf(new DependencyUnavailableError('down'))).toBe('dependency_unavailable');
    expect(errorCodeOf(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('unexpected');
    expect(errorCodeOf(Object.assign(new Error('x'), { code: 11000 }))).toBe('unexpected');
  });
});
