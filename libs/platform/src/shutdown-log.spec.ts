import { SHUTDOWN_DEADLINE_MS, ShutdownLog } from './shutdown-log';

describe('ShutdownLog', () => {
  let exit: jest.SpyInstance;

  beforeEach(() => {
    jest.useFakeTimers();
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  });
  afterEach(() => {
    exit.mockRestore();
    jest.useRealTimers();
  });

  it('ends a shutdown on a signal that has not finished by the deadline, with exit code 1', () => {
    new ShutdownLog().beforeApplicationShutdown('SIGTERM');
    jest.advanceTimersByTime(SHUTDOWN_DEADLINE_MS - 1);
    expect(exit).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('leaves an app closed by its owner (no signal: a test, the CLI) to its owner', () => {
    new ShutdownLog().beforeApplicationShutdown();
    jest.advanceTimersByTime(10 * SHUTDOWN_DEADLINE_MS);
    expect(exit).not.toHaveBeenCalled();
  });
});
