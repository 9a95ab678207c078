import { BusinessClock } from '@kp/clock';
import { CASE_STATES, CaseTransitions, ConsultationRepository, isCommandAllowed } from '@kp/cases';
import { SYSTEM_ACTOR } from '@kp/audit';
import { JobContext, JobHandler } from '@kp/queue';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

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
    private readonly transitions: CaseTransitions,
    private readonly consultations: ConsultationRepository,
    private readonly clock: BusinessClock,
  ) {}

  async handle(manager: EntityManager, _payload: Record<string, unknown> = {}, context?: JobContext): Promise<void> {
    const now = this.clock.now();
    const caseIds = await this.consultations.casesWithOverdue(manager, LAPSABLE_STATES, now, LAPSE_BATCH);
    for (const caseId of [...caseIds].sort()) {
      // Another command may have moved the case since the query: the sweep skips it rather than fail the batch.
      const c = await this.transitions.peek(manager, caseId);
      if (!c || !isCommandAllowed(c.state, 'system', 'lapse_consultation')) continue;
      await this.transitions.transition(manager, SYSTEM_ACTOR, { caseId, command: 'lapse_consultation', at: now }, async ({ c }) => {
        const lapsed = await this.consultations.lapse(manager, c.id, now);
        if (lapsed.length === 0) return { unchanged: true };
        return {
          audit: {
            action: 'consultation.lapsed',
            payload: (after) => ({
              caseId: c.id,
              consultations: lapsed.map((k) => ({ id: k.id, advisorRegion: k.advisorRegion, deadline: k.deadline })),
              fromState: c.state,
              caseState: after.case.state,
              jobId: context?.jobId ?? null,
            }),
          },
        };
      });
    }
  }
}
