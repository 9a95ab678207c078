import { BusinessClock } from '@kp/clock';
import { CaseTransitions, ConsultationRepository } from '@kp/cases';
import { Actor } from '@kp/auth';
import { DomainError, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUuid } from '../infrastructure/rows';
import { consultationView, ConsultationView } from '../views/consultation.view';
import { AnswerConsultationCommand } from './answer-consultation.command';

/**
 * An advisor of the addressed region answers a consultation; to anyone else it does not exist
 * (404). When no consultation within its deadline remains open, the case goes back to review.
 */
@Injectable()
export class AnswerConsultation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly consultations: ConsultationRepository,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, { consultationId, answer, expectedVersion }: AnswerConsultationCommand): Promise<ConsultationView> {
    return this.db.transaction(async (manager) => {
      const addressed = isUuid(consultationId) ? await this.consultations.find(manager, consultationId) : undefined;
      if (!addressed || actor.role !== 'advisor' || !actor.region || addressed.advisorRegion !== actor.region) throw notFound('consultation', consultationId);
      const at = this.clock.now();
      // The case row first, then the consultation: the same lock order as the lapse sweep.
      await this.transitions.transition(manager, actor, { caseId: addressed.caseId, command: 'answer_consultation', expectedVersion, at }, async ({ c }) => {
        const k = (await this.consultations.find(manager, consultationId, true))!;
        if (k.state !== 'open') {
          throw new DomainError('consultation-closed', k.state === 'answered' ? 'This consultation has already been answered.' : `This consultation lapsed at its deadline, ${k.deadline.toISOString()}; the case went on without it.`, {
            consultationState: k.state,
          });
        }
        await this.consultations.answer(manager, k.id, answer.trim(), actor.sub, at);
        return {
          audit: {
            action: 'consultation.answered',
            payload: (after) => ({ caseId: c.id, consultationId: k.id, advisorRegion: k.advisorRegion, origin: k.origin, caseState: after.case.state }),
          },
        };
      });
      return consultationView((await this.consultations.find(manager, consultationId))!);
    });
  }
}
