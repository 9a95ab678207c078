import { canSeeCase, CaseRecord, CaseRepository, Command, ConsultationRecord, SubCaseRecord } from '@kp/applications';
import { Actor } from '@kp/auth';
import { assertVersion } from '@kp/http';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { assertAllowed, notFound } from '../domain/problems';

export interface CaseAtHand {
  c: CaseRecord;
  subCases: SubCaseRecord[];
  consultations: ConsultationRecord[];
}

/**
 * The first steps of every command on a case, in order: lock the case row, check that the actor may
 * see this case at all (404 otherwise — health data), that the lifecycle table allows the command
 * in the case's state, and that the client acted on the current version (If-Match, 412).
 */
@Injectable()
export class WorkOnCase {
  constructor(private readonly cases: CaseRepository) {}

  async load(manager: EntityManager, actor: Actor, idOrNumber: string, command: Command, expectedVersion?: number): Promise<CaseAtHand> {
    // Commands lock the case row for the rest of the transaction; a read does not need to.
    const c = await this.cases.find(manager, idOrNumber, command !== 'read_case');
    if (!c) throw notFound('case', idOrNumber);
    const subCases = await this.cases.subCases(manager, c.id);
    const consultations = await this.cases.consultations(manager, c.id);
    if (!canSeeCase(actor, c, subCases, consultations)) throw notFound('case', idOrNumber);
    assertAllowed(c.state, actor.role, command);
    assertVersion(expectedVersion, c.version, 'case');
    return { c, subCases, consultations };
  }
}
