import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { BusinessClock, SettableClock } from '@kp/clock';
import { ForbiddenError, NotFoundError } from '@kp/errors';
import { JobRunner, RecurringJobs } from '@kp/queue';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface SchedulesRun {
  /** Business time the sweeps ran at. */
  at: string;
  /** The scheduled jobs run, in the order they ran. */
  jobs: string[];
}

/**
 * Runs every scheduled sweep (deadlines and overdue supplements, consultation lapse, permit expiry,
 * law-change re-screening, the audit checkpoint…) once, now, through the same JobRunner the queue
 * consumer uses. The schedules themselves tick in wall-clock time (BullMQ job schedulers), while
 * the sweeps read business time; when the simulator jumps a day, it needs each sweep to have seen
 * that day before it acts — which waiting for the wall-clock schedule would not guarantee. Only on
 * a settable clock (never in production, AppConfig), admins only, audited.
 */
@Injectable()
export class RunSchedulesNow {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: BusinessClock,
    private readonly recurring: RecurringJobs,
    private readonly runner: JobRunner,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor): Promise<SchedulesRun> {
    if (!(this.clock instanceof SettableClock)) throw new NotFoundError('route', 'dev/sweeps', 'There is no such route: business time is the system clock here.');
    if (actor.role !== 'admin') throw new ForbiddenError('Only an admin runs the schedules by hand.');
    const at = this.clock.now().toISOString();
    const jobs = this.recurring.scheduled().map((job) => job.handler.jobName);
    await this.db.transaction((manager) =>
      this.audit.append(manager, { actor, action: 'schedules.run_now', subject: { type: 'schedules', id: 'all' }, payload: { at, jobs } }),
    );
    for (const job of jobs) await this.runner.run(`now:${job}:${randomUUID()}`, job, {});
    return { at, jobs };
  }
}
