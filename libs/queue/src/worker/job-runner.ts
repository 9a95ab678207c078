import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlerRegistry } from './job-handler.registry';

export type JobOutcome = 'processed' | 'duplicate';

/**
 * Runs a handler and records the job id in `processed_job` in the same transaction: a redelivered
 * job finds its id taken and does nothing; a failed handler leaves no record and is retried.
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
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO processed_job (job_id, job_name) VALUES ($1, $2) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
        [jobId, jobName],
      );
      if (claimed.length === 0) return 'duplicate';
      await handler.handle(manager, payload, { jobId, attempt });
      return 'processed';
    });
  }
}
