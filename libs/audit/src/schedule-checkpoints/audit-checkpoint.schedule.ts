import { RecurringJobs } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditCheckpointJob } from './checkpoint.job';

export const AUDIT_CHECKPOINT_EVERY_MS = Symbol('AUDIT_CHECKPOINT_EVERY_MS');

/** Schedules `AuditCheckpointJob` every `AUDIT_CHECKPOINT_EVERY_MS` (once per run across workers). */
@Injectable()
export class AuditCheckpointSchedule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly job: AuditCheckpointJob,
    @Inject(AUDIT_CHECKPOINT_EVERY_MS) private readonly everyMs: number,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.job, everyMs: this.everyMs });
  }
}
