import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DeadlineKind, WaitingRole } from '../domain/waiting';

/** One stretch of time a sub-case waited on one party; `until` is null while it still waits. */
export interface WaitingPeriodRecord {
  id: string;
  caseId: string;
  subCaseId: string;
  party: string;
  role: WaitingRole;
  since: Date;
  until: Date | null;
  deadlineKind: DeadlineKind | null;
  deadlineAt: Date | null;
}

export type NewWaitingPeriod = Omit<WaitingPeriodRecord, 'id' | 'until'>;

/** The one repository of `waiting_period`, written only by the case kernel's transition (WaitingLedger). */
@Injectable()
export class WaitingPeriodRepository {
  async forCase(manager: EntityManager, caseId: string, openOnly = false): Promise<WaitingPeriodRecord[]> {
    return rowsOf(
      await manager.query(
        `SELECT w.id, w.case_id, w.sub_case_id, w.party, w.role, w.since, w.until, w.deadline_kind, w.deadline_at
           FROM waiting_period w JOIN sub_case s ON s.id = w.sub_case_id
          WHERE w.case_id = $1${openOnly ? ' AND w.until IS NULL' : ''}
          ORDER BY w.since, s.position, w.party, w.id`,
        [caseId],
      ),
    );
  }

  /** The new waits, in one statement however many (issue 17). */
  async open(manager: EntityManager, periods: NewWaitingPeriod[]): Promise<void> {
    if (periods.length === 0) return;
    await manager.query(
      `INSERT INTO waiting_period (case_id, sub_case_id, party, role, since, deadline_kind, deadline_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::timestamptz[])`,
      [
        periods.map((p) => p.caseId),
        periods.map((p) => p.subCaseId),
        periods.map((p) => p.party),
        periods.map((p) => p.role),
        periods.map((p) => p.since),
        periods.map((p) => p.deadlineKind),
        periods.map((p) => p.deadlineAt),
      ],
    );
  }

  async close(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    if (ids.length) await manager.query(`UPDATE waiting_period SET until = $2 WHERE id = ANY($1::uuid[]) AND until IS NULL`, [ids, at]);
  }

  /** The deadline of a wait still open moved (an extension, a second request for supplement). */
  async setDeadline(manager: EntityManager, id: string, kind: DeadlineKind | null, at: Date | null): Promise<void> {
    await manager.query(`UPDATE waiting_period SET deadline_kind = $2, deadline_at = $3 WHERE id = $1 AND until IS NULL`, [id, kind, at]);
  }
}
