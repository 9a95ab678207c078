import { BusinessClock } from '@kp/clock';
import { JobContext, JobHandler } from '@kp/queue';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SweepDeadlines } from './sweep-deadlines.usecase';

export const DEADLINE_SWEEP_JOB = 'deadline_sweep';

/** The scheduled job: one sweep per run, in short transactions of its own (safe to run again at any time). */
@Injectable()
export class DeadlineSweepHandler implements JobHandler<Record<string, never>> {
  readonly jobName = DEADLINE_SWEEP_JOB;
  readonly managesOwnTransactions = true;
  private readonly logger = new Logger(DeadlineSweepHandler.name);

  constructor(private readonly sweep: SweepDeadlines, private readonly clock: BusinessClock) {}

  async handle(manager: EntityManager, _payload: Record<string, never>, context: JobContext): Promise<void> {
    const result = await this.sweep.run(manager, this.clock.now(), context.jobId);
    if (result.alerts.length || result.supplementsOverdue.length) {
      this.logger.log(`deadline sweep: ${result.checked} open cases, ${result.alerts.length} alerts, ${result.supplementsOverdue.length} supplements overdue`);
    }
  }
}
