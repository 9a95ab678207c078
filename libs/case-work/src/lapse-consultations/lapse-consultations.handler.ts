import { assertCommandAllowed, CASE_STATES, CaseRepository, isCommandAllowed } from '@kp/applications';
import { AuditLog, SYSTEM_ACTOR } from '@kp/audit';
import { JobContext, JobHandler } from '@kp/queue';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';
import { ConsultationWait } from '../work-on-case/consultation-wait';

export const LAPSE_CONSULTATIONS_JOB = 'lapse-consultations';
/** Cases handled per run; the next run takes the rest. */
export const LAPSE_BATCH = 200;

/** The case states in which the system may lapse a consultation (from the lifecycle table). */
const LAPSABLE_STATES = CASE_STATES.filter((state) => isCommandAllowed(state, 'system', 'lapse_consultation'));

/**
 * The scheduled sweep: an open consultation past its deadline lapses, and a case left with nothing
 * to wait for goes back to review — an unanswered consultation never blocks the case past its
 * deadline. Safe to run at any time and more than once.
 */
@Injectable()
export class LapseConsultationsHandler implements JobHandler {
  readonly jobName = LAPSE_CONSULTATIONS_JOB;

  constructor(
    private readonly cases: CaseRepository,
    private readonly caseWork: CaseWorkRepository,
    private readonly wait: ConsultationWait,
    private readonly audit: AuditLog,
  ) {}

  async handle(manager: EntityManager, _payload: Record<string, unknown> = {}, context?: JobContext): Promise<void> {
    const now = new Date();
    const caseIds = await this.caseWork.casesWithOverdueConsultations(manager, LAPSABLE_STATES, now, LAPSE_BATCH);
    for (const caseId of [...caseIds].sort()) {
      const c = await this.cases.find(manager, caseId, true);
      if (!c || !isCommandAllowed(c.state, 'system', 'lapse_consultation')) continue;
      assertCommandAllowed(c.state, 'system', 'lapse_consultation');
      const lapsed = await this.caseWork.lapseConsultations(manager, c.id, now);
      if (lapsed.length === 0) continue;
      const after = await this.wait.settle(manager, c, now);
      await this.audit.append(manager, {
        actor: SYSTEM_ACTOR,
        action: 'consultation.lapsed',
        subject: { type: 'case', id: c.number },
        payload: {
          caseId: c.id,
          consultations: lapsed.map((k) => ({ id: k.id, advisorRegion: k.advisorRegion, deadline: k.deadline })),
          fromState: c.state,
          caseState: after.state,
          jobId: context?.jobId ?? null,
        },
      });
    }
  }
}
