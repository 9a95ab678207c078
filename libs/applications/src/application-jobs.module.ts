import { APP_CONFIG, AppConfig } from '@kp/config';
import { RecurringJobs } from '@kp/queue';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { ApplicationsModule } from './applications.module';
import { RecoverLostScreeningsHandler } from './recover-lost-screenings/recover-lost-screenings.handler';
import { RescreenOnLawChangeHandler } from './rescreen-on-law-change/rescreen-on-law-change.handler';

/**
 * The re-screening of open cases after a change of the law in force, every `LAW_CHANGE_SWEEP_MS`,
 * and the screening of cases whose job was lost, every `SCREENING_RECOVERY_SWEEP_MS`.
 */
@Module({ imports: [ApplicationsModule] })
export class ApplicationJobsModule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly handler: RescreenOnLawChangeHandler,
    private readonly recovery: RecoverLostScreeningsHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.handler, everyMs: this.config.schedules.lawChangeSweepMs });
    this.recurring.register({ handler: this.recovery, everyMs: this.config.schedules.screeningRecoverySweepMs });
  }
}
