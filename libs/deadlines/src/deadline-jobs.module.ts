import { RecurringJobs } from '@kp/queue';
import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { DeadlinesModule } from './deadlines.module';
import { DEADLINE_OPTIONS, DeadlineOptions, loadDeadlineOptions } from './domain/deadline-options';
import { DeadlineSweepHandler } from './sweep-deadlines/deadline-sweep.handler';

/** The deadline sweep as a recurring job, every `DEADLINE_SWEEP_MS` (validated at start-up). */
@Module({
  imports: [DeadlinesModule],
  providers: [DeadlineSweepHandler, { provide: DEADLINE_OPTIONS, useFactory: () => loadDeadlineOptions() }],
  exports: [DeadlineSweepHandler],
})
export class DeadlineJobsModule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly handler: DeadlineSweepHandler,
    @Inject(DEADLINE_OPTIONS) private readonly options: DeadlineOptions,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.handler, everyMs: this.options.sweepEveryMs });
  }
}
