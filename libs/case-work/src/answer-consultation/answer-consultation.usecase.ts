import { AuditLog } from '@kp/audit';
import { Actor } from '@kp/auth';
import { DomainProblem, notFound } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseWorkRepository } from '../infrastructure/case-work.repository';
import { isUuid } from '../infrastructure/rows';
import { consultationView, ConsultationView } from '../views/consultation.view';
import { ConsultationWait } from '../work-on-case/consultation-wait';
import { WorkOnCase } from '../work-on-case/work-on-case';

/**
 * An advisor of the addressed region answers a consultation; to anyone else it does not exist
 * (404). When no consultation within its deadline remains open, the case goes back to review.
 */
@Injectable()
export class AnswerConsultation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly work: WorkOnCase,
    private readonly caseWork: CaseWorkRepository,
    private readonly wait: ConsultationWait,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, consultationId: string, answer: string, expectedVersion?: number): Promise<ConsultationView> {
    if (typeof answer !== 'string' || answer.trim() === '' || answer.length > 20000) {
      throw new DomainProblem(400, 'validation', 'answer must be text of at most 20000 characters.', { errors: [{ field: 'answer', messages: ['must be non-empty text'] }] });
    }
    return this.db.transaction(async (manager) => {
      const addressed = isUuid(consultationId) ? await this.caseWork.consultation(manager, consultationId) : undefined;
      if (!addressed || actor.role !== 'advisor' || !actor.region || addressed.advisorRegion !== actor.region) throw notFound('consultation', consultationId);
      // The case row first, then the consultation: the same lock order as the lapse sweep.
      const { c } = await this.work.load(manager, actor, addressed.caseId, 'answer_consultation', expectedVersion);
      const k = (await this.caseWork.consultation(manager, consultationId, true))!;
      if (k.state !== 'open') {
        throw new DomainProblem(409, 'consultation-closed', k.state === 'answered' ? 'This consultation has already been answered.' : `This consultation lapsed at its deadline, ${k.deadline.toISOString()}; the case went on without it.`, {
          consultationState: k.state,
        });
      }
      await this.caseWork.answerConsultation(manager, k.id, answer.trim(), actor.sub);
      const after = await this.wait.settle(manager, c);
      await this.audit.append(manager, {
        actor,
        action: 'consultation.answered',
        subject: { type: 'case', id: c.number },
        payload: { caseId: c.id, consultationId: k.id, advisorRegion: k.advisorRegion, origin: k.origin, caseState: after.state },
      });
      return consultationView((await this.caseWork.consultation(manager, k.id))!);
    });
  }
}
