import type { ApplicationInput, Finding, Verdict } from '@kp/rules';
import { camel, rowsOf, isUuid } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ScreeningRecord } from '../domain/records';

export type NewScreening = Pick<ScreeningRecord, 'subCaseId' | 'caseId' | 'reason' | 'verdict' | 'findings' | 'requirements' | 'ruleSets' | 'trace' | 'facts' | 'application' | 'dataRequestIndex' | 'lawDate'>;

/** The latest screening of an open sub-case, as a dry run of new rule sets compares it. */
export interface OpenScreeningRow {
  caseId: string;
  caseNumber: string;
  subCaseId: string;
  dataSourceId: string;
  application: ApplicationInput;
  dataRequestIndex: number;
  lawDate: string;
  verdict: Verdict;
  findings: Finding[];
  ruleSets: { id: string; version: string; sha256: string }[];
}

/** The one repository of `screening`: every screening is a new row; an earlier one is never overwritten. */
@Injectable()
export class ScreeningRepository {
  async insert(manager: EntityManager, s: NewScreening): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO screening (sub_case_id, case_id, reason, verdict, findings, requirements, rule_sets, trace, facts, application, data_request_index, law_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        s.subCaseId,
        s.caseId,
        s.reason,
        s.verdict,
        JSON.stringify(s.findings),
        JSON.stringify(s.requirements),
        JSON.stringify(s.ruleSets),
        JSON.stringify(s.trace ?? null),
        JSON.stringify(s.facts ?? {}),
        JSON.stringify(s.application),
        s.dataRequestIndex,
        s.lawDate,
      ],
    );
    return row.id;
  }

  async find(manager: EntityManager, id: string): Promise<ScreeningRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await manager.query(`SELECT * FROM screening WHERE id = $1`, [id]);
    return row ? camel(row) : undefined;
  }

  async latestForCase(manager: EntityManager, caseId: string): Promise<ScreeningRecord[]> {
    return rowsOf(await manager.query(`SELECT DISTINCT ON (sub_case_id) * FROM screening WHERE case_id = $1 ORDER BY sub_case_id, created_at DESC, id`, [caseId]));
  }

  async latestForSubCase(manager: EntityManager, subCaseId: string): Promise<ScreeningRecord | undefined> {
    const [row] = await manager.query(`SELECT * FROM screening WHERE sub_case_id = $1 ORDER BY created_at DESC, id LIMIT 1`, [subCaseId]);
    return row ? camel(row) : undefined;
  }

  async countForCase(manager: EntityManager, caseId: string): Promise<number> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM screening WHERE case_id = $1`, [caseId]);
    return row.n;
  }

  /**
   * The latest screening of every open sub-case of a case in one of `caseStates`; with
   * `lawDateBefore`, only those that applied the law of an earlier date.
   */
  async latestOfOpenSubCases(manager: EntityManager, caseStates: readonly string[], lawDateBefore?: string): Promise<OpenScreeningRow[]> {
    // The latest screening per sub-case first, then the law-date filter: an older screening never counts.
    return rowsOf(
      await manager.query(
        `SELECT * FROM (
           SELECT DISTINCT ON (s.sub_case_id) c.id AS case_id, c.number AS case_number, s.sub_case_id, sc.data_source_id, s.application,
                  s.data_request_index, s.law_date, s.verdict, s.findings, s.rule_sets
             FROM screening s JOIN case_file c ON c.id = s.case_id JOIN sub_case sc ON sc.id = s.sub_case_id
            WHERE c.state = ANY($1) AND sc.state NOT IN ('decided', 'withdrawn')
            ORDER BY s.sub_case_id, s.created_at DESC, s.id) AS latest
          WHERE $2::date IS NULL OR latest.law_date < $2::date
          ORDER BY latest.sub_case_id`,
        [caseStates, lawDateBefore ?? null],
      ),
    );
  }

  /** Every screening of the case, oldest first (the archive hand-over takes them all). */
  async forCase(manager: EntityManager, caseId: string): Promise<ScreeningRecord[]> {
    return rowsOf(await manager.query(`SELECT * FROM screening WHERE case_id = $1 ORDER BY created_at, id`, [caseId]));
  }

  /**
   * Retention: the copy of the application each screening judged, the facts drawn from it and the
   * rules' trace over them go. The row stays, stripped: the kept decisions point at it, and its
   * verdict, findings (the rule set's own texts) and rule-set versions still say on what the
   * decision's departure from the engine, if any, was weighed. Answers how many were stripped.
   */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    const [, affected] = await manager.query(`UPDATE screening SET application = '{}', facts = '{}', trace = 'null' WHERE case_id = $1`, [caseId]);
    return affected as number;
  }
}
