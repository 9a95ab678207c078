import { BeforeApplicationShutdown, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { rootLogger } from './logging';

/**
 * The first and the last line of a shutdown (SIGTERM from the orchestrator, or app.close()), so an
 * operator reading the log sees that a process stopped on purpose and when it had finished.
 */
@Injectable()
export class ShutdownLog implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = rootLogger().child({ context: 'Shutdown' });

  beforeApplicationShutdown(signal?: string): void {
    this.log.info({ signal: signal ?? null }, `shutting down${signal ? ` on ${signal}` : ''}: finishing requests and jobs in flight`);
  }

  onApplicationShutdown(signal?: string): void {
    this.log.info({ signal: signal ?? null }, 'stopped');
  }
}
