import { CaseRecord, CaseTransitions, Command, SubCaseRecord, Transitioned, TransitionStep } from '@kp/cases';
import { Actor } from '@kp/auth';
import { notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SubCaseContext {
  c: CaseRecord;
  subCase: SubCaseRecord;
  subCases: SubCaseRecord[];
}

export interface SubCaseCommand {
  caseId: string;
  subCaseId: string;
  command: Command;
  expectedVersion?: number;
  at: Date;
}

/**
 * A decision command on one sub-case, through the case kernel's transition (access, lifecycle,
 * If-Match, impartiality first); a sub-case that is not part of the case is not found.
 */
@Injectable()
export class DecisionContext {
  constructor(private readonly transitions: CaseTransitions) {}

  async transition<T>(manager: EntityManager, actor: Actor, request: SubCaseCommand, work: (context: SubCaseContext) => Promise<TransitionStep<T>>): Promise<Transitioned<T>> {
    return this.transitions.transition(manager, actor, { caseId: request.caseId, command: request.command, expectedVersion: request.expectedVersion, at: request.at }, async ({ c, subCases }) => {
      const subCase = subCases.find((s) => s.id === request.subCaseId);
      if (!subCase) throw notFound('sub-case', request.subCaseId);
      return { subCaseId: subCase.id, ...(await work({ c, subCase, subCases })) };
    });
  }
}
