import { BusinessClock } from '@kp/clock';
import { CaseTransitions, ConsultationRepository } from '@kp/cases';
import { RuleSetRegistry } from '@kp/rules';
import { Actor } from '@kp/auth';
import { DomainError, FieldError, notFound, ValidationFailedError } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { consultationView, ConsultationView } from '../views/consultation.view';

export interface RequestConsultationCommand {
  advisorRegion: string;
  subCaseId?: string;
  question: string;
  /** ISO 8601 date-time, in the future. */
  deadline: string;
}

export const REGION_SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** Problems with a consultation request; empty when it is valid. */
export function consultationRequestProblems(command: RequestConsultationCommand, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  if (typeof command.advisorRegion !== 'string' || !REGION_SLUG.test(command.advisorRegion)) {
    problems.push({ field: 'advisorRegion', messages: ['must be a region slug such as region-midtjylland'] });
  }
  if (typeof command.question !== 'string' || command.question.trim() === '' || command.question.length > 10000) {
    problems.push({ field: 'question', messages: ['must be a question of at most 10000 characters'] });
  }
  const deadline = typeof command.deadline === 'string' ? new Date(command.deadline) : new Date(NaN);
  if (Number.isNaN(deadline.getTime())) problems.push({ field: 'deadline', messages: ['must be an ISO 8601 date-time'] });
  else if (deadline.getTime() <= now.getTime()) problems.push({ field: 'deadline', messages: ['must be in the future'] });
  return problems;
}

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

  async execute(actor: Actor, caseId: string, command: RequestConsultationCommand, expectedVersion?: number): Promise<ConsultationView> {
    const problems = consultationRequestProblems(command, this.clock.now());
    if (problems.length) throw new ValidationFailedError(`The consultation has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => p.field).join(', ')}.`, problems);
    // Addressing a consultation grants that region's advisors a view of the case: only known advisors.
    const advisors = this.knownAdvisors();
    if (!advisors.has(command.advisorRegion)) {
      throw new ValidationFailedError(`There is no advisor ${command.advisorRegion}.`, [
        { field: 'advisorRegion', messages: [`must be one of ${[...advisors].sort().join(', ')}`] },
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
