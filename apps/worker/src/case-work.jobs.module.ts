import { CaseWorkModule, LapseConsultationsHandler } from '@kp/case-work';
import { RecurringJobs } from '@kp/queue';
import { Injectable, Module, OnModuleInit } from '@nestjs/common';

/** How often open consultations past their deadline are lapsed: `CONSULTATION_SWEEP_MS`, default one minute. */
export function consultationSweepMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CONSULTATION_SWEEP_MS;
  if (raw === undefined || raw === '') return 60000;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 86400000) {
    throw new Error(`Invalid configuration: CONSULTATION_SWEEP_MS="${raw}" must be an integer from 100 to 86400000 (milliseconds)`);
  }
  return value;
}

@Injectable()
class ConsultationSweepSchedule implements OnModuleInit {
  constructor(
    private readonly recurring: RecurringJobs,
    private readonly handler: LapseConsultationsHandler,
  ) {}

  onModuleInit(): void {
    this.recurring.register({ handler: this.handler, everyMs: consultationSweepMs() });
  }
}

/** Worker wiring for case-work: its job handlers and scheduled jobs. */
@Module({
  imports: [CaseWorkModule],
  providers: [ConsultationSweepSchedule],
})
export class CaseWorkJobsModule {}
