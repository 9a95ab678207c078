import { camel, KeysetPosition, keysetKeySql, rowsOf, isUuid } from '@kp/persistence';
import { SubjectIdCall } from '@kp/audit';
import { upgradeApplication } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CaseState } from '../domain/lifecycle';
import { ApplicationContent, CaseRecord, PermitChangeRef } from '../domain/records';
import { CaseKind } from '../domain/states';
import { CASE_APPLICANT_DOCUMENT, CASE_TEXT_DOCUMENT } from '../search-cases/case-search-sql';

/** What staff search cases by (issue 16); every criterion given must hold. */
export interface CaseSearchCriteria {
  number?: string;
  /** A tsquery text over title and purpose ({@link prefixQuery}). */
  textQuery?: string;
  /** A tsquery text over the applicant organisation's and person's names. */
  applicantQuery?: string;
  cvr?: string;
  dataSourceId?: string;
  state?: CaseState;
  /** Received at or after this instant. */
  receivedFrom?: Date;
  /** Received before this instant. */
  receivedBefore?: Date;
}

/** A case as a search lists it. */
export interface CaseSearchRow {
  id: string;
  number: string;
  title: string | null;
  applicantName: string | null;
  applicantOrgName: string | null;
  applicantOrg: string | null;
  state: CaseState;
  assigneeSub: string | null;
  receivedAt: Date;
  position: string;
  dataSources: { id: string; name: string }[];
}

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

/** Who a case (and its application) belongs to once retention has erased its data: no one may read it as theirs. */
export const ERASED_SUB = 'retention:erased';

/** A closed case as the retention job weighs it. */
export type ClosedCase = Pick<CaseRecord, 'id' | 'number' | 'state' | 'applicationId' | 'decidedAt' | 'withdrawnAt'>;

/** A received case as the activity report counts it: when, and which sources on which track. */
export interface ReceivedCase {
  id: string;
  number: string;
  submittedAt: Date;
  withdrawnAt: Date | null;
  subCases: { dataSourceId: string; dataSourceName: string; track: 'central' | 'collaborative' }[];
}

/** The public face of a case, for registers of other libraries (no personal data). */
export interface CaseSummary {
  id: string;
  number: string;
  kind: CaseKind;
  title: string | null;
  purposeCategory: string | null;
  applicantOrgName: string | null;
}

/**
 * A case as read: its content is immutable once submitted, so content written before issue 10 is
 * mapped to today's shape here (`upgradeApplication`), never rewritten in the row.
 */
function toCase(row: Record<string, unknown>): CaseRecord {
  // clock_day is the deadline sweep's bookkeeping (ClockSweepMarks), not part of the case.
  const { clockDay: _clockDay, ...c } = camel<CaseRecord & { clockDay?: unknown }>(row);
  return { ...c, content: upgradeApplication(c.content) };
}

/** The subjects of the application's team who accepted their invitation: they read the case (see canSeeCase). */
export const TEAM_SUBS = `ARRAY(SELECT t.member_sub FROM team_member t WHERE t.application_id = case_file.application_id AND t.member_sub IS NOT NULL AND t.removed_at IS NULL ORDER BY t.member_sub) AS team_subs`;

/** A case row as submission writes it (the application's content and who submitted it). */
export interface NewCaseFile {
  number?: string;
  kind?: CaseKind;
  amends?: PermitChangeRef | null;
  applicationId: string;
  applicantSub: string;
  applicantOrg: string | null;
  applicantOrgName: string | null;
  content: ApplicationContent;
  submittedAt: Date;
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
    const [row] = await manager.query(`SELECT case_number_take($1::uuid, $2::integer) AS number`, [caseId, year]);
    return row.number;
  }

  /**
   * The next number in the year's series for a case written without one, as a function call for
   * the statement that also appends the audit event naming it (`AuditLog.closingAppend`; migration
   * 1795880000000): the counter's row is then held only while that statement and its COMMIT run.
   */
  numberTake(caseId: string, year: number): SubjectIdCall {
    return { fn: 'case_number_take', arguments: [{ value: caseId, type: 'uuid' }, { value: year, type: 'integer' }] };
  }

  async insert(
    manager: EntityManager,
    /** Without a number, `assignNumber` gives it one before the commit (a constraint trigger refuses a case committed without). */
    c: NewCaseFile,
  ): Promise<CaseRecord> {
    const [row] = await manager.query(
      `INSERT INTO case_file (number, kind, amends, application_id, applicant_sub, applicant_org, applicant_org_name, state, content, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'submitted', $8, $9, $9) RETURNING *, ${TEAM_SUBS}`,
      [c.number ?? null, c.kind ?? 'application', c.amends ? JSON.stringify(c.amends) : null, c.applicationId, c.applicantSub, c.applicantOrg, c.applicantOrgName, JSON.stringify(c.content), c.submittedAt],
    );
    return toCase(row);
  }

  async find(manager: EntityManager, idOrNumber: string, lock = false): Promise<CaseRecord | undefined> {
    const column = isUuid(idOrNumber) ? 'id' : /^EK-\d{4}-\d{6}$/.test(idOrNumber) ? 'number' : undefined;
    if (!column) return undefined;
    const [row] = await manager.query(`SELECT *, ${TEAM_SUBS} FROM case_file WHERE ${column} = $1${lock ? ' FOR UPDATE' : ''}`, [idOrNumber]);
    return row ? toCase(row) : undefined;
  }

  async findMany(manager: EntityManager, ids: string[]): Promise<CaseRecord[]> {
    if (ids.length === 0) return [];
    const rows: Record<string, unknown>[] = await manager.query(`SELECT *, ${TEAM_SUBS} FROM case_file WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids]);
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
        WHERE id = $1 RETURNING *, ${TEAM_SUBS}`,
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


  /** `day`: the Copenhagen day (YYYY-MM-DD) the figures were computed for; the deadline sweep reads the case again on any other (and with none). */
  async setClockFigures(manager: EntityManager, caseId: string, figures: CaseClockFigures, day: string | null = null): Promise<void> {
    await manager.query(`UPDATE case_file SET due_at = $2, at_risk = $3, overdue = $4, clock_paused = $5, clock_day = $6 WHERE id = $1`, [
      caseId,
      figures.dueAt,
      figures.atRisk,
      figures.overdue,
      figures.paused,
      day,
    ]);
  }

  /**
   * The clock figures of many cases, computed for `day`, in one statement, not one a case (issue 17:
   * the deadline sweep writes a batch of 500 at a time). A row is written only where its figures or
   * their day differ, and only if the case still has the version they were computed from: a command
   * committed meanwhile stored fresher figures, which stale ones must not overwrite.
   */
  async setClockFiguresOfMany(manager: EntityManager, figures: (CaseClockFigures & { caseId: string; version: number })[], day: string): Promise<void> {
    if (figures.length === 0) return;
    await manager.query(
      `UPDATE case_file c SET due_at = f.due_at, at_risk = f.at_risk, overdue = f.overdue, clock_paused = f.paused, clock_day = $7::date
         FROM unnest($1::uuid[], $2::timestamptz[], $3::boolean[], $4::boolean[], $5::boolean[], $6::int[]) AS f (id, due_at, at_risk, overdue, paused, version)
        WHERE c.id = f.id AND c.version = f.version
          AND (c.due_at IS DISTINCT FROM f.due_at OR c.at_risk <> f.at_risk OR c.overdue <> f.overdue OR c.clock_paused <> f.paused
               OR c.clock_day IS DISTINCT FROM $7::date)`,
      [
        figures.map((f) => f.caseId),
        figures.map((f) => f.dueAt),
        figures.map((f) => f.atRisk),
        figures.map((f) => f.overdue),
        figures.map((f) => f.paused),
        figures.map((f) => f.version),
        day,
      ],
    );
  }

  /**
   * Cases in one of `states` by id; with `page`, at most `limit` of them after the id `after` (null:
   * from the first), so a sweep over every open case reads them a batch at a time. With
   * `clockStaleOn` (a Copenhagen day, YYYY-MM-DD), only those whose clock figures can differ from
   * the stored ones that day: computed for another day, or recomputed by a command since the
   * deadline sweep last looked (clock_unswept).
   */
  async inStates(
    manager: EntityManager,
    states: readonly string[],
    page?: { after: string | null; limit: number; clockStaleOn?: string },
  ): Promise<Pick<CaseRecord, 'id' | 'number' | 'assigneeSub' | 'applicantSub' | 'state'>[]> {
    if (!page) return rowsOf(await manager.query(`SELECT id, number, assignee_sub, applicant_sub, state FROM case_file WHERE state = ANY($1::text[]) ORDER BY id`, [states]));
    return rowsOf(
      await manager.query(
        `SELECT id, number, assignee_sub, applicant_sub, state FROM case_file c
          WHERE state = ANY($1::text[]) AND ($2::uuid IS NULL OR id > $2::uuid)
            AND ($4::date IS NULL OR c.clock_day IS DISTINCT FROM $4::date OR EXISTS (SELECT 1 FROM clock_unswept u WHERE u.case_id = c.id))
          ORDER BY id LIMIT $3`,
        [states, page.after, page.limit, page.clockStaleOn ?? null],
      ),
    );
  }

  /**
   * Cases that have been in one of `states` since before `before`, oldest first: for the recovery
   * sweep of screenings whose job was lost (a Redis that lost its data, a job failed for good).
   */
  async unchangedSince(manager: EntityManager, states: readonly string[], before: Date, limit: number): Promise<{ id: string; number: string; updatedAt: Date }[]> {
    return rowsOf(
      await manager.query(
        `SELECT id, number, updated_at FROM case_file WHERE state = ANY($1::text[]) AND updated_at < $2 ORDER BY updated_at, id LIMIT $3`,
        [states, before, limit],
      ),
    );
  }

  /**
   * Cases received in [from, to), with their sub-cases' source and track, for the yearly activity
   * report (EHDS art. 59): the figures only, no content.
   */
  async receivedBetween(manager: EntityManager, from: Date, to: Date): Promise<ReceivedCase[]> {
    return rowsOf(
      await manager.query(
        `SELECT c.id, c.number, c.submitted_at, c.withdrawn_at,
                COALESCE(jsonb_agg(jsonb_build_object('dataSourceId', s.data_source_id, 'dataSourceName', s.data_source_name, 'track', s.track) ORDER BY s.position)
                         FILTER (WHERE s.id IS NOT NULL), '[]') AS sub_cases
           FROM case_file c LEFT JOIN sub_case s ON s.case_id = c.id
          WHERE c.submitted_at >= $1 AND c.submitted_at < $2
          GROUP BY c.id ORDER BY c.submitted_at, c.id`,
        [from, to],
      ),
    );
  }

  /** Decided and withdrawn cases whose data retention has not yet erased, oldest first. */
  async closedNotErased(manager: EntityManager, limit = 500): Promise<ClosedCase[]> {
    return rowsOf(
      await manager.query(
        `SELECT id, number, state, application_id, decided_at, withdrawn_at FROM case_file
          WHERE state IN ('decided', 'withdrawn') AND applicant_sub <> $1 ORDER BY COALESCE(withdrawn_at, decided_at), id LIMIT $2`,
        [ERASED_SUB, limit],
      ),
    );
  }

  /**
   * Retention (arkivloven; GDPR art. 5(1)(e)): the application as submitted and who made it go; what
   * the public registers show of the case (EHDS art. 57(1)(j)) stays as `registerExtract`.
   */
  async eraseForRetention(manager: EntityManager, caseId: string, registerExtract: ApplicationContent, at: Date): Promise<void> {
    await manager.query(`UPDATE case_file SET content = $2, applicant_sub = $3, assignee_sub = NULL, updated_at = $4 WHERE id = $1`, [caseId, JSON.stringify(registerExtract), ERASED_SUB, at]);
  }

  /** Cases withdrawn in [from, to) (the applicant's withdrawal ends the case without a decision). */
  async withdrawnBetween(manager: EntityManager, from: Date, to: Date): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM case_file WHERE withdrawn_at >= $1 AND withdrawn_at < $2`, [from, to]);
    return row.n;
  }

  async summaries(manager: EntityManager, ids: string[]): Promise<CaseSummary[]> {
    if (ids.length === 0) return [];
    return rowsOf(
      await manager.query(
        `SELECT id, number, kind, content->>'title' AS title, content->>'purposeCategory' AS purpose_category, applicant_org_name
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

  /** The open cases a person holds, oldest first (a bulk reassignment hands them on). */
  async openCaseIdsHeldBy(manager: EntityManager, sub: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM case_file WHERE assignee_sub = $1 AND state IN ('submitted', 'screening', 'in_review', 'awaiting_applicant', 'consultation', 'awaiting_controller') ORDER BY submitted_at, id`,
      [sub],
    );
    return rows.map((r) => r.id);
  }

  /** Cases matching every criterion given, newest first (keyset-paginated on received time and id). */
  async search(manager: EntityManager, criteria: CaseSearchCriteria, limit: number, after?: KeysetPosition): Promise<CaseSearchRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (criteria.number) add((n) => `c.number = ${n}`, criteria.number);
    if (criteria.textQuery) add((n) => `${CASE_TEXT_DOCUMENT.replace(/content/g, 'c.content')} @@ to_tsquery('simple', ${n})`, criteria.textQuery);
    if (criteria.applicantQuery) add((n) => `${CASE_APPLICANT_DOCUMENT.replace(/applicant_org_name/g, 'c.applicant_org_name').replace(/content/g, 'c.content')} @@ to_tsquery('simple', ${n})`, criteria.applicantQuery);
    if (criteria.cvr) add((n) => `c.applicant_org = ${n}`, criteria.cvr);
    if (criteria.dataSourceId) add((n) => `EXISTS (SELECT 1 FROM sub_case x WHERE x.case_id = c.id AND x.data_source_id = ${n})`, criteria.dataSourceId);
    if (criteria.state) add((n) => `c.state = ${n}`, criteria.state);
    if (criteria.receivedFrom) add((n) => `c.submitted_at >= ${n}`, criteria.receivedFrom);
    if (criteria.receivedBefore) add((n) => `c.submitted_at < ${n}`, criteria.receivedBefore);
    if (after) {
      params.push(after.key, after.id);
      where.push(`(c.submitted_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit);
    return rowsOf(
      await manager.query(
        `SELECT c.id, c.number, c.content->>'title' AS title, c.content#>>'{applicant,name}' AS applicant_name, c.applicant_org_name, c.applicant_org,
                c.state, c.assignee_sub, c.submitted_at AS received_at, ${keysetKeySql('c.submitted_at')} AS position,
                COALESCE((SELECT json_agg(json_build_object('id', s.data_source_id, 'name', s.data_source_name) ORDER BY s.position)
                            FROM sub_case s WHERE s.case_id = c.id), '[]'::json) AS data_sources
           FROM case_file c
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY c.submitted_at DESC, c.id DESC
          LIMIT $${params.length}`,
        params,
      ),
    );
  }
}
