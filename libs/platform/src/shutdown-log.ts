import { BeforeApplicationShutdown, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { rootLogger } from './logging';

/**
 * How long a shutdown on a signal may take once closing began. The orchestrator kills a process that
 * overstays its grace period anyway, but without a word in the log; and one stuck connection can hold
 * a close for ever: a BullMQ worker whose Redis client is reconnecting never finishes closing
 * (taskforcesh/bullmq#4656, open). Past this, the process says so and exits; a job it held is rolled
 * back with its transaction and run again by another worker (the queue's stall recovery).
 */
export const SHUTDOWN_DEADLINE_MS = 25_000;

/**
 * The first and the last line of a shutdown (SIGTERM from the orchestrator, or app.close()), so an
 * operator reading the log sees that a process stopped on purpose and when it had finished; and, for
 * a shutdown on a signal, the deadline above.
 */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = rootLogger().child({ context: 'Shutdown' });

  beforeApplicationShutdown(signal?: string): void {
    this.log.info({ signal: signal ?? null }, `shutting down${signal ? ` on ${signal}` : ''}: finishing requests and jobs in flight`);
    // Only a signal's shutdown ends the process; an app closed by its owner (a test, the CLI) is theirs.
    if (signal) {
      setTimeout(() => {
        this.log.error({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, `shutdown did not finish within ${SHUTDOWN_DEADLINE_MS} ms: exiting`);
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS).unref();
    }
  }

  onApplicationShutdown(signal?: string): void {
    this.log.info({ signal: signal ?? null }, 'stopped');
  }
}
