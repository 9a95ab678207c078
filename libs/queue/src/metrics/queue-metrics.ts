import { Metrics } from '@kp/metrics';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobTransport } from '../transport/job-transport.port';

/**
 * Read at scrape time: how far the outbox is behind (accepted work not yet handed to the queue —
 * the first sign of a queue backend that is down) and how many jobs wait in the queue, by state.
 * Both are the same on every replica, since they come from the shared database and queue.
 */
@Injectable()
export class QueueMetrics {
  private readonly logger = new Logger(QueueMetrics.name);

  constructor(metrics: Metrics, @InjectDataSource() dataSource: DataSource, transport: JobTransport) {
    const logger = this.logger;
    metrics.gauge({
      name: 'kp_outbox_pending',
      help: 'Outbox rows that are due and not yet dispatched to the queue',
      async collect() {
        const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL AND available_at <= now()`).catch(fail(logger, [{ n: -1 }]));
        this.set(row.n);
      },
    });
    metrics.gauge({
      name: 'kp_outbox_lag_seconds',
      help: 'Age of the oldest due outbox row not yet dispatched (0 when none)',
      async collect() {
        const [row] = await dataSource
          .query(`SELECT coalesce(extract(epoch FROM now() - min(available_at)), 0)::float8 AS s FROM outbox WHERE dispatched_at IS NULL AND available_at <= now()`)
          .catch(fail(logger, [{ s: -1 }]));
        this.set(Number(row.s));
      },
    });
    metrics.gauge({
      name: 'kp_queue_jobs',
      help: 'Jobs in the queue backend by state (waiting, delayed, active, failed)',
      labelNames: ['state'] as const,
      async collect() {
        const counts = await transport.counts().catch(fail(logger, {} as Record<string, number>));
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }
}

/** A scrape must not fail because the database or queue is down; the gap shows as -1 or no series. */
function fail<T>(logger: Logger, fallback: T) {
  return (error: unknown): T => {
    logger.warn(`metric not collected: ${String(error)}`);
    return fallback;
  };
}
