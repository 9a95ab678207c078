import { assertVersion, notFound } from '@kp/errors';
import { inOneMessage, isUuid } from '@kp/persistence';
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

/** A case's sub-cases and consultations, read with its row. */
export interface CaseParts {
  caseId: string;
  subCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
}

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
    const { c, parts } = await this.read(manager, idOrNumber, command !== 'read_case');
    if (!c) throw missing();
    return this.loadFound(manager, actor, c, command, expectedVersion, missing, parts);
  }

  /**
   * The case row (locked, with `lock`) and, when it is asked for by id, its sub-cases and
   * consultations, read in the same message after it (issue 17): PostgreSQL runs them one after the
   * other, so they are read once the lock is held, as if they had been sent after its answer.
   */
  async read(manager: EntityManager, idOrNumber: string, lock: boolean): Promise<{ c?: CaseRecord; parts?: CaseParts }> {
    if (!isUuid(idOrNumber)) return { c: await this.cases.find(manager, idOrNumber, lock) };
    const [c, subCases, consultations] = await inOneMessage(manager, (batched) =>
      Promise.all([this.cases.find(batched, idOrNumber, lock), this.subCaseRepository.forCase(batched, idOrNumber), this.consultationRepository.forCase(batched, idOrNumber)]),
    );
    return { c, parts: c ? { caseId: c.id, subCases, consultations } : undefined };
  }

  /**
   * The steps after the first, for a caller that has just read (and, for a command, locked) the case
   * row; `parts`: its sub-cases and consultations when they were read with it.
   */
  async loadFound(manager: EntityManager, actor: CaseActor, c: CaseRecord, command: Command, expectedVersion: number | undefined, missing: () => Error, parts?: CaseParts): Promise<CaseAtHand> {
    // One message for both (issue 17).
    const [subCases, consultations] =
      parts?.caseId === c.id
        ? [parts.subCases, parts.consultations]
        : await inOneMessage(manager, (batched) => Promise.all([this.subCaseRepository.forCase(batched, c.id), this.consultationRepository.forCase(batched, c.id)]));
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
