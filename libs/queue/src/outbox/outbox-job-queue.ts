import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobRequest } from '../job';
import { JobQueue } from '../job-queue.port';

@Injectable()
export class OutboxJobQueue extends JobQueue {
  async enqueue(manager: EntityManager, job: JobRequest): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(`enqueue(${job.name}) needs the transaction of the change it belongs to`);
    }
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox (job_name, payload, available_at) VALUES ($1, $2, COALESCE($3, now())) RETURNING id`,
      [job.name, JSON.stringify(job.payload), job.notBefore ?? null],
    );
    return rows[0].id;
  }
}
