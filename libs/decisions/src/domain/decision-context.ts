import { assertCommandAllowed, canSeeCase, CaseRecord, CaseRepository, Command, CommandNotAllowedError, SubCaseRecord } from '@kp/applications';
import { Actor } from '@kp/auth';
import { ConflictCheck } from '@kp/case-work';
import { assertVersion, DomainProblem } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface SubCaseContext {
  c: CaseRecord;
  subCase: SubCaseRecord;
  subCases: SubCaseRecord[];
}

const notFound = (what: string, id: string) => new DomainProblem(404, 'not-found', `There is no ${what} ${id} that you can see.`);

/**
 * Loads a case and one of its sub-cases for a decision command, checking in this order: that the
 * actor may see the case (404 otherwise), that the lifecycle table allows the command, the case
 * version (If-Match), and impartiality (forvaltningsloven § 3) for contact-point staff.
 */
@Injectable()
export class DecisionContext {
  constructor(
    private readonly cases: CaseRepository,
    private readonly conflicts: ConflictCheck,
  ) {}

  async load(manager: EntityManager, actor: Actor, caseId: string, subCaseId: string, command: Command, expectedVersion?: number): Promise<SubCaseContext> {
    const c = await this.cases.find(manager, caseId, true);
    if (!c) throw notFound('case', caseId);
    const subCases = await this.cases.subCases(manager, c.id);
    const consultations = await this.cases.consultations(manager, c.id);
    if (!canSeeCase(actor, c, subCases, consultations)) throw notFound('case', caseId);
    const subCase = subCases.find((s) => s.id === subCaseId);
    if (!subCase) throw notFound('sub-case', subCaseId);
    try {
      assertCommandAllowed(c.state, actor.role, command);
    } catch (error) {
      if (error instanceof CommandNotAllowedError) throw new DomainProblem(409, 'command-not-allowed', error.message, { state: c.state, command });
      throw error;
    }
    assertVersion(expectedVersion, c.version, 'case');
    // Impartiality (forvaltningsloven § 3) binds the contact point's staff and the controller's decider alike.
    await this.conflicts.assertNoConflict(manager, actor.sub, c.applicantOrg);
    return { c, subCase, subCases };
  }
}
