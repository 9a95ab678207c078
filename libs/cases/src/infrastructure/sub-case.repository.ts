import { camel, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SubCaseRecord, SubCaseState } from '../domain/records';

/** A sub-case as submission creates it; the state starts at pending screening. */
export type NewSubCase = Omit<SubCaseRecord, 'id' | 'caseId' | 'state' | 'decidedAt'>;

/** The one repository of `sub_case`: one part of a case per data request. */
@Injectable()
export class SubCaseRepository {
  async insertMany(manager: EntityManager, caseId: string, subCases: NewSubCase[]): Promise<SubCaseRecord[]> {
    const out: SubCaseRecord[] = [];
    for (const s of subCases) {
      const [row] = await manager.query(
        `INSERT INTO sub_case (case_id, position, data_source_id, data_source_name, track, deciding_authority, authority_assignment_id,
                               controller_org, controller_name, advisor_region, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending_screening') RETURNING *`,
        [caseId, s.position, s.dataSourceId, s.dataSourceName, s.track, s.decidingAuthority, s.authorityAssignmentId, s.controllerOrg, s.controllerName, s.advisorRegion],
      );
      out.push(camel(row));
    }
    return out;
  }

  async forCase(manager: EntityManager, caseId: string): Promise<SubCaseRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM sub_case WHERE case_id = $1 ORDER BY position`, [caseId]));
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<SubCaseRecord[]> {
    if (ids.length === 0) return [];
    return rowsOf(await manager.query(`SELECT * FROM sub_case WHERE id = ANY($1::uuid[])`, [ids]));
  }

  /** Moves sub-cases to a state; `decidedAt` is kept from the first decision (a correction does not move it). */
  async setState(manager: EntityManager, subCaseIds: string[], state: SubCaseState, decidedAt?: Date): Promise<void> {
    if (subCaseIds.length === 0) return;
    await manager.query(`UPDATE sub_case SET state = $2, decided_at = COALESCE(decided_at, $3) WHERE id = ANY($1::uuid[])`, [subCaseIds, state, decidedAt ?? null]);
  }
}
