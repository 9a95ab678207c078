import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JobContext, JobHandler } from '../job';
import { JobHandlerRegistry } from './job-handler.registry';

export type JobOutcome = 'processed' | 'duplicate';

const CLAIM = `INSERT INTO processed_job (job_id, job_name) VALUES ($1, $2) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`;

/**
 * Runs a handler and records the job id in `processed_job` in the same transaction: a redelivered
 * job finds its id taken and does nothing; a failed handler leaves no record and is retried.
 * A handler that manages its own transactions is not wrapped (see JobHandler.managesOwnTransactions).
 */
@Injectable()
export class JobRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: JobHandlerRegistry,
  ) {}

  async run(jobId: string, jobName: string, payload: Record<string, unknown>, attempt = 1): Promise<JobOutcome> {
    const handler = this.registry.get(jobName);
    if (!handler) throw new Error(`no handler registered for job "${jobName}"`);
    const context: JobContext = { jobId, attempt };
    if (handler.managesOwnTransactions) return this.runUnwrapped(handler, payload, context, jobName);
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(CLAIM, [jobId, jobName]);
      if (claimed.length === 0) return 'duplicate';
      await handler.handle(manager, payload, context);
      return 'processed';
    });
  }

  /**
   * No transaction open while the handler runs: a job already recorded is skipped, otherwise the
   * handler runs on a manager outside any transaction and the job is recorded after it returns. A
   * handler that throws leaves no record and is retried; one that is redelivered while it runs (or
   * whose process dies between its end and the record) runs again, which such handlers allow.
   */
  private async runUnwrapped(handler: JobHandler<any>, payload: Record<string, unknown>, context: JobContext, jobName: string): Promise<JobOutcome> {
    const done: unknown[] = await this.dataSource.query(`SELECT 1 FROM processed_job WHERE job_id = $1`, [context.jobId]);
    if (done.length > 0) return 'duplicate';
    const manager: EntityManager = this.dataSource.manager;
    await handler.handle(manager, payload, context);
    await this.dataSource.query(CLAIM, [context.jobId, jobName]);
    return 'processed';
  }
}
