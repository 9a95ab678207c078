import { APP_CONFIG, AppConfig } from '@kp/config';
import { AWAITING_SCREENING, CaseFileRepository } from '@kp/cases';
import { BusinessClock } from '@kp/clock';
import { JobContext, JobHandler } from '@kp/queue';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScreenCaseHandler } from '../screen-case/screen-case.handler';

export const SCREENING_RECOVERY_JOB = 'screening-recovery';
/** Cases screened per run; the next run takes the rest. */
export const SCREENING_RECOVERY_BATCH = 50;

/**
 * Nothing accepted is lost (issue 14): a case is written with its outbox row in one transaction, but
 * once the relay has handed the job to the queue, the job can still be lost — a Redis restarted
 * without its data, or a job that failed for good after its attempts or stalls. Such a case would
 * wait in `submitted` for ever, with the statutory clock running (EHDS art. 68(4)). This sweep
 * screens every case that has waited for its screening longer than `SCREENING_RECOVERY_AFTER_MS`,
 * with reason `recovered`. Safe beside a late original job and beside itself: the screening takes the
 * case row's lock and answers a submission only while the case still waits (ScreenCaseHandler), so
 * whichever comes second skips.
 */
@Injectable()
export class RecoverLostScreeningsHandler implements JobHandler {
  readonly jobName = SCREENING_RECOVERY_JOB;
  private readonly logger = new Logger(RecoverLostScreeningsHandler.name);

  constructor(
    private readonly cases: CaseFileRepository,
    private readonly screen: ScreenCaseHandler,
    private readonly clock: BusinessClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(manager: EntityManager, _payload: Record<string, unknown>, context: JobContext): Promise<void> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - this.config.schedules.screeningRecoveryAfterMs);
    const waiting = await this.cases.unchangedSince(manager, AWAITING_SCREENING, before, SCREENING_RECOVERY_BATCH);
    for (const c of waiting) {
      const minutes = Math.round((now.getTime() - new Date(c.updatedAt).getTime()) / 60_000);
      this.logger.warn(`case ${c.number} waited ${minutes} min for its screening job; screening it now (reason recovered)`);
      await this.screen.handle(manager, { caseId: c.id, reason: 'recovered' }, context);
    }
  }
}
