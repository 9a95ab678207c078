import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WatchedFlags } from '../domain/deadline-alerts';

export interface OpenCaseRow {
  id: string;
  number: string;
  assigneeSub: string | null;
  watched: WatchedFlags | undefined;
}

/**
 * What the sweep last saw per case. Kept apart from case_file's at_risk/overdue, which every clock
 * refresh (a submission, an extension) overwrites: a transition the sweep has not alerted on would
 * otherwise be lost.
 */
@Injectable()
export class DeadlineWatchRepository {
  /** Open cases in a stable order, with the flags the sweep saw last. */
  async openCases(manager: EntityManager, openStates: readonly string[]): Promise<OpenCaseRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT c.id, c.number, c.assignee_sub, w.at_risk, w.overdue
         FROM case_file c LEFT JOIN deadline_watch w ON w.case_id = c.id
        WHERE c.state = ANY($1::text[])
        ORDER BY c.id`,
      [openStates],
    );
    return rows.map((row) => ({
      id: row.id as string,
      number: row.number as string,
      assigneeSub: (row.assignee_sub as string | null) ?? null,
      watched: row.at_risk === null || row.at_risk === undefined ? undefined : { atRisk: row.at_risk as boolean, overdue: row.overdue as boolean },
    }));
  }

  async remember(manager: EntityManager, caseId: string, flags: WatchedFlags, dueAt: string | null, checkedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO deadline_watch (case_id, at_risk, overdue, due_at, checked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id) DO UPDATE SET at_risk = EXCLUDED.at_risk, overdue = EXCLUDED.overdue, due_at = EXCLUDED.due_at, checked_at = EXCLUDED.checked_at`,
      [caseId, flags.atRisk, flags.overdue, dueAt, checkedAt],
    );
  }
}
