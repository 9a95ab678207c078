import { APP_CONFIG, AppConfig } from '@kp/config';
import { RecurringJobs } from '@kp/queue';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DeadlinesModule } from './deadlines.module';
import { DeadlineSweepHandler } from './sweep-deadlines/deadline-sweep.handler';

/** The deadline sweep as a recurring job, every `DEADLINE_SWEEP_MS` (AppConfig.schedules, validated at start-up). */
@Module({
  imports: [DeadlinesModule],
  providers: [DeadlineSweepHandler],
  exports: [DeadlineSweepHandler],
})
export class DeadlineJobsModule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly handler: DeadlineSweepHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.handler, everyMs: this.config.schedules.deadlineSweepMs });
  }
}
