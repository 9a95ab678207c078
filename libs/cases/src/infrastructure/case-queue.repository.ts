import { afterKeyset, KeysetPosition, keysetKeySql, rowsOf } from '@kp/persistence';
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

type Param = (value: unknown) => string;

/** The where-clause on `case_file c` that defines each queue. */
function queueSql(queue: QueueName, me: string, param: Param): string {
  const open = () => `c.state = ANY(${param(OPEN_CASE_STATES)}::text[])`;
  switch (queue) {
    case 'central':
    case 'collaborative':
      return `${open()} AND EXISTS (SELECT 1 FROM sub_case s WHERE s.case_id = c.id AND s.track = ${param(queue)} AND ${OPEN_SUB_CASE})`;
    case 'approval':
      return `EXISTS (SELECT 1 FROM sub_case s WHERE s.case_id = c.id AND s.state = 'awaiting_approval')`;
    case 'mine':
      return `${open()} AND c.assignee_sub = ${param(me)}`;
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
    if (cursor) {
      const after = afterKeyset(cursor, 'c.due_at', 'c.id', params.length + 1);
      params.push(...after.params);
      where.push(after.sql);
    }
    params.push(limit + 1);
    const rows = await manager.query(
      `SELECT c.id, c.number, c.content->>'title' AS title, c.state, c.applicant_org, c.applicant_org_name, c.assignee_sub,
              c.due_at, ${keysetKeySql('c.due_at')} AS due_key, c.at_risk, c.overdue, c.clock_paused,
              (SELECT count(*)::int FROM consultation k WHERE k.case_id = c.id AND k.state = 'open') AS open_consultations,
              (SELECT count(*)::int FROM legal_matter m WHERE m.case_id = c.id AND m.state = 'open') AS open_legal_matters,
              (SELECT coalesce(json_agg(json_build_object('id', s.id, 'dataSourceId', s.data_source_id, 'dataSourceName', s.data_source_name,
                                                          'track', s.track, 'state', s.state) ORDER BY s.position), '[]'::json)
                 FROM sub_case s WHERE s.case_id = c.id) AS sub_cases
         FROM case_file c
        WHERE ${where.join(' AND ')}
        ORDER BY c.due_at ASC NULLS LAST, c.id ASC
        LIMIT $${params.length}`,
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
          WHERE c.state = ANY($1::text[])
          GROUP BY c.assignee_sub
          ORDER BY c.assignee_sub ASC NULLS FIRST`,
        [OPEN_CASE_STATES],
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
