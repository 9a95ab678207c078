import { camel, KeysetPosition, keysetKeySql, rowsOf, isUuid } from '@kp/persistence';
import { upgradeApplication } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseState } from '../domain/lifecycle';
import { ApplicationContent, CaseRecord } from '../domain/records';

/** What the clock refresh stores on the case row, for the queues to filter and sort on. */
export interface CaseClockFigures {
  dueAt: string | null;
  atRisk: boolean;
  overdue: boolean;
  paused: boolean;
}

/** A received application as the public register shows it (EHDS art. 57(1)(j)): published fields only. */
export interface PublicCaseRow {
  number: string;
  title: string | null;
  orgName: string | null;
  /** The applicant organisation as submitted (name aside): `country` and `sector`, or before issue 10 `type`. */
  orgCountry: string | null;
  orgSector: string | null;
  orgType: string | null;
  purposeCategory: string | null;
  state: CaseState;
  receivedAt: Date;
  /** submitted_at with microseconds, the exact cursor key. */
  position: string;
  dataSources: { id: string; name: string }[];
}

/** The public face of a case, for registers of other libraries (no personal data). */
export interface CaseSummary {
  id: string;
  number: string;
  title: string | null;
  purposeCategory: string | null;
  applicantOrgName: string | null;
}

/**
 * A case as read: its content is immutable once submitted, so content written before issue 10 is
 * mapped to today's shape here (`upgradeApplication`), never rewritten in the row.
 */
function toCase(row: Record<string, unknown>): CaseRecord {
  const c = camel<CaseRecord>(row);
  return { ...c, content: upgradeApplication(c.content) };
}

/** The one repository of `case_file` (and its gap-free number series `case_number_counter`). */
@Injectable()
export class CaseFileRepository {
  /** Next number in the year's series, in the caller's transaction: a rolled-back submit leaves no gap. */
  async nextCaseNumber(manager: EntityManager, year: number): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO case_number_counter (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = case_number_counter.last + 1 RETURNING last`,
      [year],
    );
    return `EK-${year}-${String(row.last).padStart(6, '0')}`;
  }

  /**
   * Numbers a case just written (without a number) with the next in the year's gap-free series, in
   * the caller's transaction: a rolled-back submit leaves no gap. The counter's row lock is held
   * from here to the commit, so callers take the number last (CaseTransitions.open).
   */
  async assignNumber(manager: EntityManager, caseId: string, year: number): Promise<string> {
    // TypeORM answers an UPDATE on PostgreSQL with [rows, affected].
    const [[row]] = await manager.query(
      `WITH n AS (
         INSERT INTO case_number_counter (year, last) VALUES ($2, 1)
         ON CONFLICT (year) DO UPDATE SET last = case_number_counter.last + 1 RETURNING last)
       UPDATE case_file SET number = 'EK-' || $2::text || '-' || lpad(n.last::text, 6, '0') FROM n WHERE id = $1 RETURNING number`,
      [caseId, year],
    );
    return row.number;
  }

  async insert(
    manager: EntityManager,
    /** Without a number, `assignNumber` gives it one before the commit (a constraint trigger refuses a case committed without). */
    c: { number?: string; applicationId: string; applicantSub: string; applicantOrg: string | null; applicantOrgName: string | null; content: ApplicationContent; submittedAt: Date },
  ): Promise<CaseRecord> {
    const [row] = await manager.query(
      `INSERT INTO case_file (number, application_id, applicant_sub, applicant_org, applicant_org_name, state, content, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'submitted', $6, $7, $7) RETURNING *`,
      [c.number ?? null, c.applicationId, c.applicantSub, c.applicantOrg, c.applicantOrgName, JSON.stringify(c.content), c.submittedAt],
    );
    return toCase(row);
  }

  async find(manager: EntityManager, idOrNumber: string, lock = false): Promise<CaseRecord | undefined> {
    const column = isUuid(idOrNumber) ? 'id' : /^EK-\d{4}-\d{6}$/.test(idOrNumber) ? 'number' : undefined;
    if (!column) return undefined;
    const [row] = await manager.query(`SELECT * FROM case_file WHERE ${column} = $1${lock ? ' FOR UPDATE' : ''}`, [idOrNumber]);
    return row ? toCase(row) : undefined;
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<CaseRecord[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await manager.query(`SELECT * FROM case_file WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
    return rows.map(toCase);
  }

  /**
   * Writes what a command changed on the case row and gives it a new version (If-Match). The case
   * kernel's transition is the only caller.
   */
  async setState(
    manager: EntityManager,
    caseId: string,
    state: CaseState,
    at: Date,
    extra: { withdrawnAt?: Date; decidedAt?: Date; content?: ApplicationContent; assigneeSub?: string | null } = {},
  ): Promise<CaseRecord> {
    const [rows] = await manager.query(
      `UPDATE case_file SET state = $2, version = version + 1, updated_at = $6,
              withdrawn_at = COALESCE($3, withdrawn_at), decided_at = COALESCE($4, decided_at), content = COALESCE($5, content),
              assignee_sub = CASE WHEN $7 THEN $8 ELSE assignee_sub END
        WHERE id = $1 RETURNING *`,
      [
        caseId,
        state,
        extra.withdrawnAt ?? null,
        extra.decidedAt ?? null,
        extra.content ? JSON.stringify(extra.content) : null,
        at,
        extra.assigneeSub !== undefined,
        extra.assigneeSub ?? null,
      ],
    );
    return toCase(rows[0]);
  }


  async setClockFigures(manager: EntityManager, caseId: string, figures: CaseClockFigures): Promise<void> {
    await manager.query(`UPDATE case_file SET due_at = $2, at_risk = $3, overdue = $4, clock_paused = $5 WHERE id = $1`, [
      caseId,
      figures.dueAt,
      figures.atRisk,
      figures.overdue,
      figures.paused,
    ]);
  }

  /** Open cases in a stable order (id), for the sweeps. */
  async inStates(manager: EntityManager, states: readonly string[]): Promise<Pick<CaseRecord, 'id' | 'number' | 'assigneeSub' | 'applicantSub' | 'state'>[]> {
    return rowsOf(await manager.query(`SELECT id, number, assignee_sub, applicant_sub, state FROM case_file WHERE state = ANY($1::text[]) ORDER BY id`, [states]));
  }

  async summaries(manager: EntityManager, ids: string[]): Promise<CaseSummary[]> {
    if (ids.length === 0) return [];
    return rowsOf(
      await manager.query(
        `SELECT id, number, content->>'title' AS title, content->>'purposeCategory' AS purpose_category, applicant_org_name
           FROM case_file WHERE id = ANY($1::uuid[])`,
        [ids],
      ),
    );
  }

  /** Every received application, newest first, keyset-paginated on (submitted_at, number); the SQL selects the published fields only. */
  async publicPage(manager: EntityManager, limit: number, after?: KeysetPosition): Promise<PublicCaseRow[]> {
    return rowsOf(
      await manager.query(
        `SELECT c.number,
                c.content->>'title' AS title,
                c.applicant_org_name AS org_name,
                c.content#>>'{applicant,organisation,country}' AS org_country,
                c.content#>>'{applicant,organisation,sector}' AS org_sector,
                c.content#>>'{applicant,organisation,type}' AS org_type,
                c.content->>'purposeCategory' AS purpose_category,
                c.state,
                c.submitted_at AS received_at,
                ${keysetKeySql('c.submitted_at')} AS position,
                COALESCE((SELECT json_agg(json_build_object('id', s.data_source_id, 'name', s.data_source_name) ORDER BY s.position)
                            FROM sub_case s WHERE s.case_id = c.id), '[]'::json) AS data_sources
           FROM case_file c
          WHERE $1::timestamptz IS NULL OR (c.submitted_at, c.number) < ($1::timestamptz, $2::text)
          ORDER BY c.submitted_at DESC, c.number DESC
          LIMIT $3`,
        [after?.key ?? null, after?.id ?? null, limit],
      ),
    );
  }
}
