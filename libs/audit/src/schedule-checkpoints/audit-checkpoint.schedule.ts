import { APP_CONFIG, AppConfig } from '@kp/config';
import { RecurringJobs } from '@kp/queue';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditCheckpointJob } from './checkpoint.job';

/** Schedules `AuditCheckpointJob` every `AUDIT_CHECKPOINT_EVERY_MS` (AppConfig.schedules; once per run across workers). */
@Injectable()
export class AuditCheckpointSchedule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly job: AuditCheckpointJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.job, everyMs: this.config.schedules.auditCheckpointEveryMs });
  }
}
