import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SubCaseRecord, SubCaseState } from '../domain/records';

/** A sub-case as submission creates it; the state starts at pending screening. */
export type NewSubCase = Omit<SubCaseRecord, 'id' | 'caseId' | 'state' | 'decidedAt'>;

/** A new sub-case as the columns of `jsonb_to_recordset` name them, for the statements that insert sub-cases. */
export function subCaseColumns(s: NewSubCase): Record<string, unknown> {
  return {
    position: s.position,
    data_source_id: s.dataSourceId,
    data_source_name: s.dataSourceName,
    track: s.track,
    deciding_authority: s.decidingAuthority,
    authority_assignment_id: s.authorityAssignmentId,
    controller_org: s.controllerOrg,
    controller_name: s.controllerName,
    advisor_region: s.advisorRegion,
  };
}

/** The one repository of `sub_case`: one part of a case per data request. */
@Injectable()
export class SubCaseRepository {
  /** All parts of a new case in one statement (one round trip however many data requests), in position order. */
  async insertMany(manager: EntityManager, caseId: string, subCases: NewSubCase[]): Promise<SubCaseRecord[]> {
    if (subCases.length === 0) return [];
    const rows = await manager.query(
      `INSERT INTO sub_case (case_id, position, data_source_id, data_source_name, track, deciding_authority, authority_assignment_id,
                             controller_org, controller_name, advisor_region, state)
       SELECT $1, s.position, s.data_source_id, s.data_source_name, s.track, s.deciding_authority, s.authority_assignment_id,
              s.controller_org, s.controller_name, s.advisor_region, 'pending_screening'
         FROM jsonb_to_recordset($2::jsonb) AS s(position int, data_source_id text, data_source_name text, track text, deciding_authority text,
                                                 authority_assignment_id uuid, controller_org text, controller_name text, advisor_region text)
       RETURNING *`,
      [
        caseId,
        JSON.stringify(
          subCases.map(subCaseColumns),
        ),
      ],
    );
    return rowsOf<SubCaseRecord>(rows).sort((a, b) => a.position - b.position);
  }

  async forCase(manager: EntityManager, caseId: string): Promise<SubCaseRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM sub_case WHERE case_id = $1 ORDER BY position`, [caseId]));
  }

  /** The sub-cases of each of `caseIds` in one statement, in position order (a case without any is absent). */
  async forCases(manager: EntityManager, caseIds: string[]): Promise<Map<string, SubCaseRecord[]>> {
    const byCase = new Map<string, SubCaseRecord[]>();
    if (caseIds.length === 0) return byCase;
    const rows = rowsOf<SubCaseRecord>(await manager.query(`SELECT * FROM sub_case WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, position`, [caseIds]));
    for (const row of rows) {
      const list = byCase.get(row.caseId);
      if (list) list.push(row);
      else byCase.set(row.caseId, [row]);
    }
    return byCase;
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<SubCaseRecord[]> {
    if (ids.length === 0) return [];
    return rowsOf(await manager.query(`SELECT * FROM sub_case WHERE id = ANY($1::uuid[])`, [ids]));
  }

  /**
   * Moves sub-cases to a state; `decidedAt` is kept from the first decision (a correction does not
   * move it). Returns the rows as moved, so the transition need not read them back (issue 17).
   */
  async setState(manager: EntityManager, subCaseIds: string[], state: SubCaseState, decidedAt?: Date): Promise<SubCaseRecord[]> {
    if (subCaseIds.length === 0) return [];
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query(`UPDATE sub_case SET state = $2, decided_at = COALESCE(decided_at, $3) WHERE id = ANY($1::uuid[]) RETURNING *`, [
      subCaseIds,
      state,
      decidedAt ?? null,
    ]);
    return rowsOf(rows);
  }
}
