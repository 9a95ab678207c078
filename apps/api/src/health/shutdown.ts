import { INestApplication, Injectable, Logger } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';

/**
 * Whether this API process is on its way out. From SIGTERM on, readiness answers 503 so the load
 * balancer stops sending here, while the process still serves what reaches it.
 */
@Injectable()
export class ShutdownState {
  private since?: Date;

  get draining(): boolean {
    return this.since !== undefined;
  }

  drain(): void {
    this.since ??= new Date();
  }

  /** A readiness indicator: down from the moment shutdown began. */
  check(health: HealthIndicatorService, key = 'shutdown') {
    const indicator = health.check(key);
    return this.since ? indicator.down({ message: `shutting down since ${this.since.toISOString()}` }) : indicator.up();
  }
}

/**
 * SIGTERM/SIGINT in the production order (Nest's own shutdown hooks close the queue before the HTTP
 * server, and never turn readiness to 503): readiness 503 first; keep serving for `drainMs` so the
 * load balancer notices; then close — the HTTP server waits for the requests in flight, the queue
 * and the database close after it — and exit. A second signal during the drain closes at once.
 */
export function closeGracefullyOnSignals(app: INestApplication, drainMs: number): void {
  const logger = new Logger('Shutdown');
  const state = app.get(ShutdownState);
  // A client on a keep-alive connection (a load balancer's health check every 100 ms is one) would
  // hold the closing server open for ever: from the drain on, each answer ends its connection.
  app.use((_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    if (state.draining) response.setHeader('Connection', 'close');
    next();
  });
  let closing: Promise<void> | undefined;
  let skipDrain: () => void = () => undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) {
      skipDrain();
      return;
    }
    state.drain();
    logger.log(`${signal}: readiness now answers 503; serving ${drainMs} ms more, then closing`);
    closing = new Promise<void>((drained) => {
      const timer = setTimeout(drained, drainMs);
      skipDrain = () => {
        clearTimeout(timer);
        drained();
      };
    })
      // With the signal, so the shutdown's deadline applies (ShutdownLog, SHUTDOWN_DEADLINE_MS): Nest's
      // NestApplicationContext.close takes it and hands it to the shutdown hooks; its interface does not say so.
      .then(() => (app as unknown as { close(signal?: string): Promise<void> }).close(signal))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutdown);
}
