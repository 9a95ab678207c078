import { camel } from '@kp/persistence';
import { upgradeApplication } from '@kp/rules';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockEvent } from '@kp/clock';
import { CaseRecord, PermitChangeRef, SubCaseRecord } from '../domain/records';
import { CaseKind } from '../domain/states';
import { CaseClockFigures, NewCaseFile, TEAM_SUBS } from './case-file.repository';
import { NewSubCase, subCaseColumns } from './sub-case.repository';

/** A case as opening writes it, ids chosen by the caller so the clock is known before the write. */
export interface CaseToOpen extends Omit<NewCaseFile, 'number'> {
  id: string;
  kind: CaseKind;
  amends: PermitChangeRef | null;
  subCases: (NewSubCase & { id: string })[];
  clockEvents: ClockEvent[];
  figures: CaseClockFigures;
  /** The Copenhagen day (YYYY-MM-DD) the figures were computed for: the deadline sweep need not read the case again that day. */
  clockDay: string;
}

/**
 * Opening a case in one statement: the case row (without its number, which the closing statement of `CaseTransitions.openClosing`
 * gives last) with its clock figures, its sub-cases and its first clock events. Five round trips on
 * every submit before (issue 17), each one a socket write of the one API process while the
 * statement's result is all the caller needs. The foreign keys of sub_case and clock_event are
 * checked at the end of the statement, when the case row exists.
 */
@Injectable()
export class CaseOpeningRepository {
  async open(manager: EntityManager, c: CaseToOpen): Promise<{ case: CaseRecord; subCases: SubCaseRecord[] }> {
    const [row] = await manager.query(
      `WITH case_file AS (
         INSERT INTO case_file (id, number, kind, amends, application_id, applicant_sub, applicant_org, applicant_org_name, state, content, submitted_at, updated_at,
                                due_at, at_risk, overdue, clock_paused, clock_day)
         VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, 'submitted', $8, $9, $9, $10, $11, $12, $13, $16::date) RETURNING *),
       sub AS (
         INSERT INTO sub_case (id, case_id, position, data_source_id, data_source_name, track, deciding_authority, authority_assignment_id,
                               controller_org, controller_name, advisor_region, state)
         SELECT s.id, $1, s.position, s.data_source_id, s.data_source_name, s.track, s.deciding_authority, s.authority_assignment_id,
                s.controller_org, s.controller_name, s.advisor_region, 'pending_screening'
           FROM jsonb_to_recordset($14::jsonb) AS s(id uuid, position int, data_source_id text, data_source_name text, track text, deciding_authority text,
                                                     authority_assignment_id uuid, controller_org text, controller_name text, advisor_region text)
         RETURNING *),
       clock AS (
         INSERT INTO clock_event (case_id, type, at, reason, extension_months)
         SELECT $1, e.type, e.at, e.reason, e.extension_months
           FROM jsonb_to_recordset($15::jsonb) AS e(n int, type text, at timestamptz, reason text, extension_months int)
          ORDER BY e.n)
       SELECT case_file.*,
              ${TEAM_SUBS},
              (SELECT coalesce(jsonb_agg(to_jsonb(sub) ORDER BY sub.position), '[]') FROM sub) AS opened_sub_cases
         FROM case_file`,
      [
        c.id,
        c.kind,
        c.amends ? JSON.stringify(c.amends) : null,
        c.applicationId,
        c.applicantSub,
        c.applicantOrg,
        c.applicantOrgName,
        JSON.stringify(c.content),
        c.submittedAt,
        c.figures.dueAt,
        c.figures.atRisk,
        c.figures.overdue,
        c.figures.paused,
        JSON.stringify(
          c.subCases.map((s) => ({ id: s.id, ...subCaseColumns(s) })),
        ),
        JSON.stringify(c.clockEvents.map((e, n) => ({ n, type: e.type, at: e.at.toISOString(), reason: e.reason ?? null, extension_months: e.extensionMonths ?? null }))),
        c.clockDay,
      ],
    );
    // clock_day is the deadline sweep's bookkeeping (ClockSweepMarks), not part of the case.
    const { opened_sub_cases: subCaseRows, clock_day: _clockDay, ...caseRow } = row as Record<string, unknown> & { opened_sub_cases: Record<string, unknown>[] };
    const opened = camel<CaseRecord>(caseRow);
    // Just inserted, none is decided (the JSON would give the timestamp as text otherwise).
    const subCases = subCaseRows.map((s) => ({ ...camel<SubCaseRecord>(s), decidedAt: null }));
    return { case: { ...opened, content: upgradeApplication(opened.content) }, subCases };
  }
}
