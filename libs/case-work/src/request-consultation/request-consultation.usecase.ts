import { BusinessClock } from '@kp/clock';
import { CaseTransitions, ConsultationRepository } from '@kp/cases';
import { RuleSetRegistry } from '@kp/rules';
import { Actor } from '@kp/auth';
import { DomainError, FieldError, notFound, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { consultationView, ConsultationView } from '../views/consultation.view';
import { RequestConsultationCommand } from './request-consultation.command';

/**
 * A caseworker asks a regional advisor (datastøttecenter) a question with a deadline. A case in
 * review waits in `consultation` until the answer or the deadline, whichever comes first.
 */
@Injectable()
export class RequestConsultation {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transitions: CaseTransitions,
    private readonly consultations: ConsultationRepository,
    private readonly registry: RuleSetRegistry,
    private readonly clock: BusinessClock,
  ) {}

  async execute(actor: Actor, command: RequestConsultationCommand): Promise<ConsultationView> {
    const { caseId, expectedVersion } = command;
    // "In the future" is business time, which the use case has and the command does not.
    if (Date.parse(command.deadline) <= this.clock.now().getTime()) {
      const problems: FieldError[] = [{ field: 'deadline', messages: ['must be in the future'], rule: 'in-future' }];
      throw new ValidationFailedError(RequestConsultationCommand.refusal(problems), problems);
    }
    // Addressing a consultation grants that region's advisors a view of the case: only known advisors.
    const advisors = this.knownAdvisors();
    if (!advisors.has(command.advisorRegion)) {
      throw new ValidationFailedError(`There is no advisor ${command.advisorRegion}.`, [
        { field: 'advisorRegion', messages: [`must be one of ${[...advisors].sort().join(', ')}`], rule: 'isIn', args: { c0: [...advisors].sort().join(', ') } },
      ]);
    }
    return this.db.transaction(async (manager) => {
      const at = this.clock.now();
      const done = await this.transitions.transition(manager, actor, { caseId, command: 'consult', expectedVersion, at }, async ({ c, subCases }) => {
        if (command.subCaseId) {
          const subCase = subCases.find((s) => s.id === command.subCaseId);
          if (!subCase) throw notFound('sub-case', command.subCaseId);
          if (subCase.state === 'decided' || subCase.state === 'withdrawn') {
            throw new DomainError('sub-case-closed', `The sub-case for ${subCase.dataSourceName} is ${subCase.state}; there is nothing left to consult on.`);
          }
        }
        const id = await this.consultations.insert(manager, {
          caseId: c.id,
          subCaseId: command.subCaseId ?? null,
          advisorRegion: command.advisorRegion,
          question: command.question.trim(),
          deadline: new Date(command.deadline),
          requestedBy: actor.sub,
          at,
        });
        const k = (await this.consultations.find(manager, id))!;
        return {
          subCaseId: command.subCaseId,
          result: id,
          audit: {
            action: 'consultation.requested',
            payload: (after) => ({ caseId: c.id, consultationId: id, advisorRegion: k.advisorRegion, subCaseId: k.subCaseId, deadline: k.deadline, caseState: after.case.state }),
          },
        };
      });
      const k = (await this.consultations.find(manager, done.result))!;
      return consultationView(k);
    });
  }

  /** Regional data-support centres and clinical-database steering groups of the catalogue. */
  private knownAdvisors(): Set<string> {
    const sources = this.registry.dataSources();
    return new Set([
      ...sources.flatMap((d) => [d.advisorRegion, d.region].filter((r): r is string => !!r)),
      ...sources.filter((d) => d.kind === 'clinical_quality_db').map((d) => `${d.id}-steering-group`),
    ]);
  }
}
