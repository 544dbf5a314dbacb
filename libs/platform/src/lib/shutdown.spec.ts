import { EventEmitter } from 'node:events';
import { EXIT_SHUTDOWN_TIMEOUT, installShutdownGrace } from './shutdown';

describe('installShutdownGrace', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('exits with a distinct code when stopping outlasts the grace period', () => {
    const exit = jest.fn();
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const signals = new EventEmitter();
    const uninstall = installShutdownGrace('svc', 1000, exit, ['SIGTERM'], signals);
    try {
      signals.emit('SIGTERM', 'SIGTERM');
      jest.advanceTimersByTime(999);
      expect(exit).not.toHaveBeenCalled();
      jest.advanceTimersByTime(1);
      expect(exit).toHaveBeenCalledWith(EXIT_SHUTDOWN_TIMEOUT);
    } finally {
      uninstall();
      stderr.mockRestore();
    }
  });

  it('does nothing before a signal', () => {
    const exit = jest.fn();
    const uninstall = installShutdownGrace('svc', 10, exit, ['SIGTERM'], new EventEmitter());
    jest.advanceTimersByTime(1000);
    expect(exit).not.toHaveBeenCalled();
    uninstall();
  });
});
