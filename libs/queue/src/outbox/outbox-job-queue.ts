import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobRequest } from '../job';
import { JobQueue } from '../job-queue.port';

/** The channel an enqueueing transaction notifies; PostgreSQL delivers it at COMMIT, never for a rollback. */
export const OUTBOX_CHANNEL = 'kp_outbox';

@Injectable()
export class OutboxJobQueue extends JobQueue {
  async enqueue(manager: EntityManager, job: JobRequest): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`enqueue(${job.name}) needs the transaction of the change it belongs to`);
    }
    // The NOTIFY wakes the relay right after this transaction commits (OutboxRelay); polling is the fallback.
    const rows: { id: string }[] = await manager.query(
      `WITH row AS (INSERT INTO outbox (job_name, payload, available_at) VALUES ($1, $2, COALESCE($3, now())) RETURNING id)
       SELECT id, pg_notify('${OUTBOX_CHANNEL}', '') FROM row`,
      [job.name, JSON.stringify(job.payload), job.notBefore ?? null],
    );
    return rows[0].id;
  }
}
