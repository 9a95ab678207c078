import { writeAtClose } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
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
    // The id is chosen here, so the row can go with the transaction's closing message (writeAtClose).
    const id = randomUUID();
    await writeAtClose(
      manager,
      `WITH row AS (INSERT INTO outbox (id, job_name, payload, available_at) VALUES ($1::uuid, $2, $3::jsonb, COALESCE($4::timestamptz, now())) RETURNING id)
       SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM row`,
      [id, job.name, JSON.stringify(job.payload), job.notBefore ?? null],
    );
    return id;
  }
}
