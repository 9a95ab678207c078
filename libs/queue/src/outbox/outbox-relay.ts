import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobTransport } from '../transport/job-transport.port';

interface OutboxRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
  delay_ms: string;
}

/**
 * Moves committed outbox rows into the queue. It sweeps on start and then periodically; a row whose
 * send fails stays undispatched and is retried on the next sweep, so nothing accepted is lost while
 * the queue backend is down. Several relays may run: the outbox id as job id deduplicates.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transport: JobTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.outboxPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
  }

  /** Dispatches every undispatched row that is due; returns how many were sent. */
  sweep(): Promise<number> {
    this.sweeping ??= this.dispatchDue().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async dispatchDue(): Promise<number> {
    let sent = 0;
    try {
      const rows: OutboxRow[] = await this.dataSource.query(
        `SELECT id, job_name, payload,
                GREATEST(0, EXTRACT(EPOCH FROM available_at - now()) * 1000)::bigint AS delay_ms
           FROM outbox
          WHERE dispatched_at IS NULL AND available_at <= now() + interval '1 hour'
          ORDER BY created_at
          LIMIT 200`,
      );
      for (const row of rows) {
        try {
          await this.transport.send(row.id, row.job_name, row.payload, Number(row.delay_ms));
          await this.dataSource.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
          sent++;
        } catch (error) {
          await this.dataSource.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [row.id, String(error)]);
          this.logger.warn(`outbox ${row.id} (${row.job_name}) not dispatched, will retry: ${String(error)}`);
          break; // the backend is likely down; try the rest on the next sweep
        }
      }
    } catch (error) {
      if (this.dataSource.isInitialized) this.logger.error(`outbox sweep failed: ${String(error)}`);
    }
    return sent;
  }
}
