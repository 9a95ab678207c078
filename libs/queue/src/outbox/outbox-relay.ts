import { APP_CONFIG, AppConfig } from '@kp/config';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { JobTransport, OutgoingJob } from '../transport/job-transport.port';
import { OUTBOX_CHANNEL } from './outbox-job-queue';

interface OutboxRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
  delay_ms: string;
}

/** A LISTEN connection that drops is opened again after this long; polling covers the gap. */
const RELISTEN_MS = 1000;

/**
 * Moves committed outbox rows into the queue. Each transaction that enqueues also NOTIFYs
 * OUTBOX_CHANNEL, which PostgreSQL delivers only once it commits, so the relay dispatches right
 * after the commit rather than at its next poll; the periodic sweep (OUTBOX_POLL_MS) stays as the
 * fallback for a missed notification, a relay that was down, and jobs delayed into the future.
 * Rows go out in batches (OUTBOX_BATCH) over a pool of the relay's own, so dispatching never waits
 * for a connection behind HTTP requests. A batch whose send fails stays undispatched and is retried
 * on the next sweep, so nothing accepted is lost while the queue backend is down. Several relays may
 * run: the outbox id as job id deduplicates.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly pool: Pool;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;
  /** A notification arrived during a sweep: sweep again when it ends. */
  private again = false;
  private stopped = false;

  constructor(
    private readonly transport: JobTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.pool = new Pool({ connectionString: config.databaseUrl, max: 2 });
    this.pool.on('error', (error) => this.logger.warn(`outbox pool: ${String(error)}`));
  }

  onApplicationBootstrap(): void {
    void this.listen();
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.config.outboxPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    await this.sweeping;
    await this.pool.end().catch(() => undefined);
  }

  /** Dispatches every undispatched row that is due; returns how many were sent. */
  sweep(): Promise<number> {
    if (this.sweeping) {
      this.again = true;
      return this.sweeping;
    }
    this.sweeping = this.dispatchDue().finally(() => {
      this.sweeping = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.sweep();
      }
    });
    return this.sweeping;
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl });
    const retry = () => {
      if (this.listener !== client || this.stopped) return;
      this.listener = undefined;
      setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    };
    client.on('notification', () => void this.sweep());
    client.on('error', (error) => {
      this.logger.warn(`outbox listener: ${String(error)}; polling until it is back`);
      client.end().catch(() => undefined);
      retry();
    });
    client.on('end', retry);
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) await client.end();
      else void this.sweep(); // rows committed while no one listened
    } catch (error) {
      this.logger.warn(`outbox listener could not start: ${String(error)}; polling every ${this.config.outboxPollMs} ms`);
      client.end().catch(() => undefined);
      retry();
    }
  }

  private async dispatchDue(): Promise<number> {
    let sent = 0;
    try {
      for (;;) {
        const { rows } = await this.pool.query<OutboxRow>(
          `SELECT id, job_name, payload,
                  GREATEST(0, EXTRACT(EPOCH FROM available_at - now()) * 1000)::bigint AS delay_ms
             FROM outbox
            WHERE dispatched_at IS NULL AND available_at <= now() + interval '1 hour'
            ORDER BY created_at
            LIMIT $1`,
          [this.config.outboxBatchSize],
        );
        if (rows.length === 0) break;
        const ids = rows.map((row) => row.id);
        const jobs: OutgoingJob[] = rows.map((row) => ({ jobId: row.id, name: row.job_name, payload: row.payload, delayMs: Number(row.delay_ms) }));
        try {
          await this.transport.sendMany(jobs);
        } catch (error) {
          await this.pool.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [ids, String(error)]);
          this.logger.warn(`${rows.length} outbox rows not dispatched, will retry: ${String(error)}`);
          break; // the backend is likely down; try again on the next sweep
        }
        await this.pool.query(`UPDATE outbox SET dispatched_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [ids]);
        sent += rows.length;
        if (rows.length < this.config.outboxBatchSize || this.stopped) break;
      }
    } catch (error) {
      if (!this.stopped) this.logger.error(`outbox sweep failed: ${String(error)}`);
    }
    return sent;
  }
}
