import { APP_CONFIG, AppConfig } from '@kp/config';
import { RecurringJobs } from '@kp/queue';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { CaseWorkModule } from './case-work.module';
import { LapseConsultationsHandler } from './lapse-consultations/lapse-consultations.handler';

/**
 * The consultation sweep as a recurring job, every `CONSULTATION_SWEEP_MS` (AppConfig.schedules,
 * validated at start-up): a consultation past its deadline lapses, so it never blocks the case.
 */
@Module({ imports: [CaseWorkModule] })
export class CaseWorkJobsModule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly handler: LapseConsultationsHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.handler, everyMs: this.config.schedules.consultationSweepMs });
  }
}
