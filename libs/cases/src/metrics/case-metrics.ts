import { Metrics } from '@kp/metrics';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AWAITING_SCREENING } from '../domain/states';
import { QueueName } from '../domain/queues';
import { CaseQueueRepository } from '../infrastructure/case-queue.repository';

/** The shared work queues (not `mine`, which depends on who asks). */
const SHARED_QUEUES: QueueName[] = ['central', 'collaborative', 'approval'];

/**
 * Read at scrape time from the case tables this library owns: the screenings stored by verdict
 * (never deleted, so the figure only grows — a counter in Prometheus' sense, kept in the database
 * so that every replica reports the same truth), and per work queue the open cases and those at
 * risk of missing or past the statutory deadline (EHDS art. 68(4)), as the sweep last marked them.
 */
@Injectable()
export class CaseMetrics {
  private readonly logger = new Logger(CaseMetrics.name);

  constructor(metrics: Metrics, @InjectDataSource() dataSource: DataSource, queues: CaseQueueRepository) {
    const logger = this.logger;
    metrics.gauge({
      name: 'kp_screenings_total',
      help: 'Screenings stored, by verdict (approve, deny, abstain); only grows',
      labelNames: ['verdict'] as const,
      async collect() {
        try {
          const rows: { verdict: string; n: number }[] = await dataSource.query(`SELECT verdict, count(*)::int AS n FROM screening GROUP BY verdict`);
          for (const verdict of ['approve', 'deny', 'abstain']) this.set({ verdict }, rows.find((r) => r.verdict === verdict)?.n ?? 0);
        } catch (error) {
          logger.warn(`kp_screenings_total not collected: ${String(error)}`);
        }
      },
    });
    // A case waits in these states for its screening job; a healthy queue screens it within seconds,
    // so an age of minutes means a job lost or failed for good (the recovery sweep takes it after
    // SCREENING_RECOVERY_AFTER_MS): the figure to alert on.
    metrics.gauge({
      name: 'kp_screening_wait_oldest_seconds',
      help: 'How long the case that has waited longest for its screening has waited (0: none waiting)',
      async collect() {
        try {
          const [row] = await dataSource.query(
            `SELECT coalesce(extract(epoch FROM now() - min(updated_at)), 0)::float8 AS s FROM case_file WHERE state = ANY($1::text[])`,
            [AWAITING_SCREENING],
          );
          this.set(Number(row.s));
        } catch (error) {
          logger.warn(`kp_screening_wait_oldest_seconds not collected: ${String(error)}`);
        }
      },
    });
    // The three gauges come from one query per queue; a scrape collects them in parallel, so they share it.
    let snapshot: { at: number; counts: Promise<Map<QueueName, { open: number; atRisk: number; overdue: number }>> } | undefined;
    const queueCounts = () => {
      if (!snapshot || Date.now() - snapshot.at > 1000) {
        const counts = (async () => {
          const byQueue = new Map<QueueName, { open: number; atRisk: number; overdue: number }>();
          for (const queue of SHARED_QUEUES) byQueue.set(queue, await queues.count(dataSource.manager, queue, ''));
          return byQueue;
        })();
        snapshot = { at: Date.now(), counts };
        counts.catch((error: unknown) => logger.warn(`case queue metrics not collected: ${String(error)}`));
      }
      return snapshot.counts.catch(() => new Map<QueueName, { open: number; atRisk: number; overdue: number }>());
    };
    const perQueue = (name: string, help: string, figure: 'open' | 'atRisk' | 'overdue') =>
      metrics.gauge({
        name,
        help,
        labelNames: ['queue'] as const,
        async collect() {
          for (const [queue, counts] of await queueCounts()) this.set({ queue }, counts[figure]);
        },
      });
    perQueue('kp_cases_open', 'Open cases per work queue', 'open');
    perQueue('kp_cases_at_risk', 'Open cases at risk of missing the statutory deadline, per work queue', 'atRisk');
    perQueue('kp_cases_overdue', 'Open cases past the statutory deadline, per work queue', 'overdue');
  }
}
