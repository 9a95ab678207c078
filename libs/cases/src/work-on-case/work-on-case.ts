import { assertVersion, notFound } from '@kp/errors';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenError } from '@kp/errors';
import { canSeeCase, isApplicant } from '../access/case-access';
import { ConflictCheck } from '../conflicts/conflict-check';
import { assertCommandAllowed, Command } from '../domain/lifecycle';
import { CaseRecord, ConsultationRecord, SubCaseRecord } from '../domain/records';
import { CaseFileRepository } from '../infrastructure/case-file.repository';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { SubCaseRepository } from '../infrastructure/sub-case.repository';
import { CaseActor, isSystem } from '../transition/case-actor';

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
    private readonly cases: CaseFileRepository,
    private readonly subCaseRepository: SubCaseRepository,
    private readonly consultationRepository: ConsultationRepository,
    private readonly conflicts: ConflictCheck,
  ) {}

  async load(manager: EntityManager, actor: CaseActor, idOrNumber: string, command: Command, expectedVersion?: number, hidden?: { what: string; id: string }): Promise<CaseAtHand> {
    const missing = () => (hidden ? notFound(hidden.what, hidden.id) : notFound('case', idOrNumber));
    // Commands lock the case row for the rest of the transaction; a read does not need to.
    const c = await this.cases.find(manager, idOrNumber, command !== 'read_case');
    if (!c) throw missing();
    return this.loadFound(manager, actor, c, command, expectedVersion, missing);
  }

  /** The steps after the first, for a caller that has just read (and, for a command, locked) the case row. */
  async loadFound(manager: EntityManager, actor: CaseActor, c: CaseRecord, command: Command, expectedVersion: number | undefined, missing: () => Error): Promise<CaseAtHand> {
    const subCases = await this.subCaseRepository.forCase(manager, c.id);
    const consultations = await this.consultationRepository.forCase(manager, c.id);
    if (!isSystem(actor) && !canSeeCase(actor, c, subCases, consultations)) throw missing();
    // A co-applicant or named researcher reads the case; only the applicant acts on it.
    if (!isSystem(actor) && actor.role === 'researcher' && command !== 'read_case' && !isApplicant(actor, c)) {
      throw new ForbiddenError(`Only the applicant can ${command.replace(/_/g, ' ')} on case ${c.number}; as a member of the application's team you may read it.`);
    }
    assertCommandAllowed(c.state, actor.role, command);
    assertVersion(expectedVersion, c.version, 'case');
    // Releasing stays possible: it is how a person who became conflicted hands the case on.
    if (!isSystem(actor) && command !== 'read_case' && command !== 'release') await this.conflicts.assertNoConflict(manager, actor.sub, c.applicantOrg);
    return { c, subCases, consultations };
  }
}
