import { KeysetPosition, keysetBranches, keysetKeySql, rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OPEN_CASE_STATES, QueueFilter, QueueName, UNASSIGNED } from '../domain/queues';

export interface QueueRow {
  id: string;
  number: string;
  title: string | null;
  state: string;
  applicantOrg: string | null;
  applicantOrgName: string | null;
  assigneeSub: string | null;
  dueAt: Date | null;
  dueKey: string | null;
  atRisk: boolean;
  overdue: boolean;
  clockPaused: boolean;
  openConsultations: number;
  openLegalMatters: number;
  /** Whether the reader (`me`) declared a conflict of interest in the applicant organisation (forvaltningsloven § 3). */
  conflicted: boolean;
  subCases: { id: string; dataSourceId: string; dataSourceName: string; track: string; state: string }[];
}

export interface WorkloadRow {
  assigneeSub: string | null;
  role: string | null;
  name: string | null;
  open: number;
  atRisk: number;
  overdue: number;
}

export interface QueueCount {
  open: number;
  atRisk: number;
  overdue: number;
  unassigned: number;
}

const OPEN_SUB_CASE = `s.state NOT IN ('decided', 'withdrawn')`;

/**
 * The open states as a literal list, not a parameter: the partial indexes over open cases
 * (migrations/1795500950000-QueueIndexes.ts) carry the same predicate, and the planner can only
 * use them when it can prove the query's condition implies it. The states are our own constants.
 */
const OPEN_CASE = `c.state IN (${OPEN_CASE_STATES.map((state) => `'${state}'`).join(', ')})`;

type Param = (value: unknown) => string;

/** The where-clause on `case_file c` that defines each queue. */
function queueSql(queue: QueueName, me: string, param: Param): string {
  switch (queue) {
    case 'central':
    case 'collaborative':
      return `${OPEN_CASE} AND EXISTS (SELECT 1 FROM sub_case s WHERE s.case_id = c.id AND s.track = ${param(queue)} AND ${OPEN_SUB_CASE})`;
    case 'approval':
      // Few drafts wait at a time: start from them (sub_case_awaiting_approval), not from every case.
      // As an array read once (an InitPlan), the cases are fetched by primary key whatever the
      // statistics say: with `IN (SELECT …)` the planner sometimes walked the due-date index over
      // every open case probing sub_case for each (0.9–2 s a page at 1,000,000 cases, issue 17).
      return `c.id = ANY (ARRAY(SELECT s.case_id FROM sub_case s WHERE s.state = 'awaiting_approval'))`;
    case 'mine':
      return `${OPEN_CASE} AND c.assignee_sub = ${param(me)}`;
  }
}

function parameters(): { params: unknown[]; param: Param } {
  const params: unknown[] = [];
  return {
    params,
    param: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
}

/** Reads for the queues (over `case_file`, its sub-cases and `staff_member`) and the workload view, from the clock figures stored on `case_file`. */
@Injectable()
export class CaseQueueRepository {
  async page(manager: EntityManager, queue: QueueName, me: string, filter: QueueFilter, limit: number, cursor?: KeysetPosition<string | null>): Promise<QueueRow[]> {
    const { params, param } = parameters();
    const where = [queueSql(queue, me, param)];
    if (filter.track) where.push(`EXISTS (SELECT 1 FROM sub_case s WHERE s.case_id = c.id AND s.track = ${param(filter.track)} AND ${OPEN_SUB_CASE})`);
    if (filter.dataSource) where.push(`EXISTS (SELECT 1 FROM sub_case s WHERE s.case_id = c.id AND s.data_source_id = ${param(filter.dataSource)})`);
    if (filter.state) where.push(`c.state = ${param(filter.state)}`);
    if (filter.assignee === UNASSIGNED) where.push(`c.assignee_sub IS NULL`);
    else if (filter.assignee) where.push(`c.assignee_sub = ${param(filter.assignee)}`);
    if (filter.dueBefore) where.push(`c.due_at < ${param(filter.dueBefore)}`);
    if (filter.atRisk !== undefined) where.push(`c.at_risk = ${param(filter.atRisk)}`);
    if (filter.overdue !== undefined) where.push(`c.overdue = ${param(filter.overdue)}`);
    const reader = param(me);
    let branches = ['true'];
    if (cursor) {
      const after = keysetBranches(cursor, 'c.due_at', 'c.id', params.length + 1);
      params.push(...after.params);
      branches = after.branches;
    }
    params.push(limit + 1);
    const order = 'ORDER BY c.due_at ASC NULLS LAST, c.id ASC';
    const read = (branch: string) => `SELECT c.id, c.due_at FROM case_file c WHERE ${[...where, branch].join(' AND ')} ${order} LIMIT $${params.length}`;
    // Past the first page, the cases due after the cursor (an index seek on the row comparison), then
    // those without a due date, each read in index order and limited; the page is the first of them.
    const ids =
      branches.length === 1 ? read(branches[0]) : `SELECT c.id, c.due_at FROM (${branches.map((b) => `(${read(b)})`).join(' UNION ALL ')}) AS c ${order} LIMIT $${params.length}`;
    // The page's ids first, in index order; then its sub-cases, open consultations and open legal
    // matters, each read once for the whole page by a join instead of once per row, and whether the
    // reader declared a conflict in each applicant organisation (no second statement for it).
    const rows = await manager.query(
      `WITH page AS MATERIALIZED (${ids}),
       consultations AS (
         SELECT k.case_id, count(*)::int AS n FROM consultation k JOIN page ON page.id = k.case_id WHERE k.state = 'open' GROUP BY k.case_id),
       legal_matters AS (
         SELECT m.case_id, count(*)::int AS n FROM legal_matter m JOIN page ON page.id = m.case_id WHERE m.state = 'open' GROUP BY m.case_id),
       sub_cases AS (
         SELECT s.case_id, json_agg(json_build_object('id', s.id, 'dataSourceId', s.data_source_id, 'dataSourceName', s.data_source_name,
                                                      'track', s.track, 'state', s.state) ORDER BY s.position) AS list
           FROM sub_case s JOIN page ON page.id = s.case_id GROUP BY s.case_id)
       SELECT c.id, c.number, c.content->>'title' AS title, c.state, c.applicant_org, c.applicant_org_name, c.assignee_sub,
              c.due_at, ${keysetKeySql('c.due_at')} AS due_key, c.at_risk, c.overdue, c.clock_paused,
              coalesce(k.n, 0) AS open_consultations, coalesce(m.n, 0) AS open_legal_matters, coalesce(sc.list, '[]'::json) AS sub_cases,
              EXISTS (SELECT 1 FROM declared_conflict d WHERE d.actor_sub = ${reader} AND d.organisation_cvr = c.applicant_org) AS conflicted
         FROM page JOIN case_file c ON c.id = page.id
         LEFT JOIN consultations k ON k.case_id = c.id
         LEFT JOIN legal_matters m ON m.case_id = c.id
         LEFT JOIN sub_cases sc ON sc.case_id = c.id
        ORDER BY c.due_at ASC NULLS LAST, c.id ASC`,
      params,
    );
    return rowsOf(rows);
  }

  /** Open cases per assignee (null = unassigned), with at-risk and overdue counts. */
  async byAssignee(manager: EntityManager): Promise<WorkloadRow[]> {
    return rowsOf(
      await manager.query(
        `SELECT c.assignee_sub, max(m.role) AS role, max(m.name) AS name, count(*)::int AS open,
                (count(*) FILTER (WHERE c.at_risk))::int AS at_risk, (count(*) FILTER (WHERE c.overdue))::int AS overdue
           FROM case_file c LEFT JOIN staff_member m ON m.sub = c.assignee_sub
          WHERE ${OPEN_CASE}
          GROUP BY c.assignee_sub
          ORDER BY c.assignee_sub ASC NULLS FIRST`,
      ),
    );
  }

  async count(manager: EntityManager, queue: QueueName, me: string): Promise<QueueCount> {
    const { params, param } = parameters();
    const [row] = await manager.query(
      `SELECT count(*)::int AS open, (count(*) FILTER (WHERE c.at_risk))::int AS at_risk,
              (count(*) FILTER (WHERE c.overdue))::int AS overdue, (count(*) FILTER (WHERE c.assignee_sub IS NULL))::int AS unassigned
         FROM case_file c WHERE ${queueSql(queue, me, param)}`,
      params,
    );
    return { open: row.open, atRisk: row.at_risk, overdue: row.overdue, unassigned: row.unassigned };
  }
}
