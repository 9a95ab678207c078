import { transactionClosedBy } from '@kp/persistence';
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
    // The handler's writes that nothing waits for (its audit events, the jobs it enqueues) go in
    // one message with the COMMIT (transactionClosedBy): the audit chain's lock, which the API's
    // submits share, is then held while PostgreSQL runs that message.
    return transactionClosedBy<JobOutcome, never>(this.dataSource, async (manager) => {
      const claimed: unknown[] = await manager.query(CLAIM, [jobId, jobName]);
      if (claimed.length === 0) return { answer: () => 'duplicate' };
      await handler.handle(manager, payload, context);
      return { answer: () => 'processed' };
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
