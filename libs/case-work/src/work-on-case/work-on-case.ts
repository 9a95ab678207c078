import { assertCommandAllowed, canSeeCase, CaseRecord, CaseRepository, Command, ConsultationRecord, SubCaseRecord } from '@kp/applications';
import { Actor } from '@kp/auth';
import { assertVersion, notFound } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictCheck } from '../conflicts/conflict-check';

export interface CaseAtHand {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
}

/**
 * The first steps of every command on a case, in order: lock the case row, check that the actor may
 * see this case at all (404 otherwise — health data), that the lifecycle table allows the command
 * in the case's state, that the client acted on the current version (If-Match, 412), and — for
 * every command that changes the case — that the actor has declared no conflict of interest in the
 * applicant organisation (forvaltningsloven § 3).
 */
@Injectable()
export class WorkOnCase {
  constructor(
    private readonly cases: CaseRepository,
    private readonly conflicts: ConflictCheck,
  ) {}

  async load(manager: EntityManager, actor: Actor, idOrNumber: string, command: Command, expectedVersion?: number): Promise<CaseAtHand> {
    // Commands lock the case row for the rest of the transaction; a read does not need to.
    const c = await this.cases.find(manager, idOrNumber, command !== 'read_case');
    if (!c) throw notFound('case', idOrNumber);
    const subCases = await this.cases.subCases(manager, c.id);
    const consultations = await this.cases.consultations(manager, c.id);
    if (!canSeeCase(actor, c, subCases, consultations)) throw notFound('case', idOrNumber);
    assertCommandAllowed(c.state, actor.role, command);
    assertVersion(expectedVersion, c.version, 'case');
    // Releasing stays possible: it is how a person who became conflicted hands the case on.
    if (command !== 'read_case' && command !== 'release') await this.conflicts.assertNoConflict(manager, actor.sub, c.applicantOrg);
    return { c, subCases, consultations };
  }
}
