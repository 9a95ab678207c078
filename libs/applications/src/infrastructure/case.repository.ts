import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApplicationContent } from '../domain/application-content';
import { CaseState } from '../domain/lifecycle';
import { CaseRecord, ConsultationRecord, LegalMatterRecord, ScreeningRecord, SubCaseRecord, SubCaseState } from '../domain/records';
import { isUuid } from './application.repository';
import { camel, rowsOf } from '@kp/persistence';

/** A sub-case as submission creates it; the state starts at pending screening. */
export type NewSubCase = Omit<SubCaseRecord, 'id' | 'caseId' | 'state' | 'decidedAt'>;

@Injectable()
export class CaseRepository {
  /** Next number in the year's series, in the caller's transaction: a rolled-back submit leaves no gap. */
  async nextCaseNumber(manager: EntityManager, year: number): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO case_number_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = case_number_counter.last + 1 RETURNING last`,
      [year],
    );
    return `EK-${year}-${String(row.last).padStart(6, '0')}`;
  }

  async insert(
    manager: EntityManager,
    c: { number: string; applicationId: string; applicantSub: string; applicantOrg: string | null; applicantOrgName: string | null; content: ApplicationContent; submittedAt: Date },
  ): Promise<CaseRecord> {
    const [row] = await manager.query(
      `INSERT INTO case_file (number, application_id, applicant_sub, applicant_org, applicant_org_name, state, content, submitted_at)
       VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7) RETURNING *`,
      [c.number, c.applicationId, c.applicantSub, c.applicantOrg, c.applicantOrgName, JSON.stringify(c.content), c.submittedAt],
    );
    return camel(row);
  }

  async insertSubCases(manager: EntityManager, caseId: string, subCases: NewSubCase[]): Promise<SubCaseRecord[]> {
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

  async find(manager: EntityManager, idOrNumber: string, lock = false): Promise<CaseRecord | undefined> {
    const column = isUuid(idOrNumber) ? 'id' : /^EK-\d{4}-\d{6}$/.test(idOrNumber) ? 'number' : undefined;
    if (!column) return undefined;
    const [row] = await manager.query(`SELECT * FROM case_file WHERE ${column} = $1${lock ? ' FOR UPDATE' : ''}`, [idOrNumber]);
    return row ? camel(row) : undefined;
  }

  async setState(manager: EntityManager, caseId: string, state: CaseState, extra: { withdrawnAt?: Date; decidedAt?: Date; content?: ApplicationContent } = {}): Promise<CaseRecord> {
    const [rows] = await manager.query(
      `UPDATE case_file SET state = $2, version = version + 1, updated_at = now(),
              withdrawn_at = COALESCE($3, withdrawn_at), decided_at = COALESCE($4, decided_at), content = COALESCE($5, content)
        WHERE id = $1 RETURNING *`,
      [caseId, state, extra.withdrawnAt ?? null, extra.decidedAt ?? null, extra.content ? JSON.stringify(extra.content) : null],
    );
    return camel(rows[0]);
  }

  /** Raises the case version after a change to its parts, so If-Match sees it. */
  async touch(manager: EntityManager, caseId: string): Promise<CaseRecord> {
    const [rows] = await manager.query(`UPDATE case_file SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING *`, [caseId]);
    return camel(rows[0]);
  }

  async subCases(manager: EntityManager, caseId: string): Promise<SubCaseRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM sub_case WHERE case_id = $1 ORDER BY position`, [caseId]));
  }

  async setSubCaseState(manager: EntityManager, subCaseIds: string[], state: SubCaseState): Promise<void> {
    if (subCaseIds.length) await manager.query(`UPDATE sub_case SET state = $2 WHERE id = ANY($1::uuid[])`, [subCaseIds, state]);
  }

  async latestScreenings(manager: EntityManager, caseId: string): Promise<ScreeningRecord[]> {
    return rowsOf(
      await manager.query(`SELECT DISTINCT ON (sub_case_id) * FROM screening WHERE case_id = $1 ORDER BY sub_case_id, created_at DESC, id`, [caseId]),
    );
  }

  async screeningCount(manager: EntityManager, caseId: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM screening WHERE case_id = $1`, [caseId]);
    return row.n;
  }

  async consultations(manager: EntityManager, caseId: string): Promise<ConsultationRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM consultation WHERE case_id = $1 ORDER BY created_at, id`, [caseId]));
  }

  async legalMatters(manager: EntityManager, caseId: string): Promise<LegalMatterRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM legal_matter WHERE case_id = $1 ORDER BY created_at, id`, [caseId]));
  }

  async addClockEvent(manager: EntityManager, caseId: string, type: string, at: Date, reason?: string, extensionMonths?: number): Promise<void> {
    await manager.query(`INSERT INTO clock_event (case_id, type, at, reason, extension_months) VALUES ($1, $2, $3, $4, $5)`, [
      caseId,
      type,
      at,
      reason ?? null,
      extensionMonths ?? null,
    ]);
  }

  async clockEvents(manager: EntityManager, caseId: string): Promise<{ type: string; at: Date; reason: string | null; extensionMonths: number | null }[]> {
    return rowsOf(await manager.query(`SELECT type, at, reason, extension_months FROM clock_event WHERE case_id = $1 ORDER BY at, id`, [caseId]));
  }
}
