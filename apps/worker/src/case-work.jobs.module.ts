import { CaseWorkModule, LapseConsultationsHandler } from '@kp/case-work';
import { APP_CONFIG, AppConfig } from '@kp/config';
import { RecurringJobs } from '@kp/queue';
import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';

/** Lapses open consultations past their deadline every `CONSULTATION_SWEEP_MS` (AppConfig.schedules). */
@Injectable()
class ConsultationSweepSchedule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly handler: LapseConsultationsHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.handler, everyMs: this.config.schedules.consultationSweepMs });
  }
}

/** Worker wiring for case-work: its job handlers and scheduled jobs. */
@Module({
  imports: [CaseWorkModule],
  providers: [ConsultationSweepSchedule],
})
export class CaseWorkJobsModule {}
