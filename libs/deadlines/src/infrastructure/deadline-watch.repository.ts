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

  /** What the sweep saw of a batch of cases, in one statement. */
  async rememberMany(manager: EntityManager, seen: { caseId: string; flags: WatchedFlags; dueAt: string | null }[], checkedAt: Date): Promise<void> {
    if (seen.length === 0) return;
    await manager.query(
      `INSERT INTO deadline_watch (case_id, at_risk, overdue, due_at, checked_at)
       SELECT w.case_id, w.at_risk, w.overdue, w.due_at, $5
         FROM unnest($1::uuid[], $2::boolean[], $3::boolean[], $4::timestamptz[]) AS w (case_id, at_risk, overdue, due_at)
       ON CONFLICT (case_id) DO UPDATE SET at_risk = EXCLUDED.at_risk, overdue = EXCLUDED.overdue, due_at = EXCLUDED.due_at, checked_at = EXCLUDED.checked_at`,
      [seen.map((s) => s.caseId), seen.map((s) => s.flags.atRisk), seen.map((s) => s.flags.overdue), seen.map((s) => s.dueAt), checkedAt],
    );
  }

  async remember(manager: EntityManager, caseId: string, flags: WatchedFlags, dueAt: string | null, checkedAt: Date): Promise<void> {
    await this.rememberMany(manager, [{ caseId, flags, dueAt }], checkedAt);
  }

}
