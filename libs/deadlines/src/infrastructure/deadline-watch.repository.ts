import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WatchedFlags } from '../domain/deadline-alerts';

/**
 * What the sweep last saw per case. Kept apart from case_file's at_risk/overdue, which every clock
 * refresh (a submission, an extension) overwrites: a transition the sweep has not alerted on would
 * otherwise be lost.
 */
@Injectable()
export class DeadlineWatchRepository {
  /** What the sweep saw last of each of these cases; a case it never saw is absent. */
  async watched(manager: EntityManager, caseIds: string[]): Promise<Map<string, WatchedFlags>> {
    const rows: { case_id: string; at_risk: boolean; overdue: boolean }[] = await manager.query(
      `SELECT case_id, at_risk, overdue FROM deadline_watch WHERE case_id = ANY($1::uuid[])`,
      [caseIds],
    );
    return new Map(rows.map((row) => [row.case_id, { atRisk: row.at_risk, overdue: row.overdue }]));
  }

  async remember(manager: EntityManager, caseId: string, flags: WatchedFlags, dueAt: string | null, checkedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO deadline_watch (case_id, at_risk, overdue, due_at, checked_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id) DO UPDATE SET at_risk = EXCLUDED.at_risk, overdue = EXCLUDED.overdue, due_at = EXCLUDED.due_at, checked_at = EXCLUDED.checked_at`,
      [caseId, flags.atRisk, flags.overdue, dueAt, checkedAt],
    );
  }
}
