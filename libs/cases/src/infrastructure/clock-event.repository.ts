import { rowsOf } from '@kp/persistence';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ClockEventRow {
  type: string;
  at: Date;
  reason: string | null;
  extensionMonths: number | null;
}

/** The one repository of `clock_event`: what starts, pauses, extends and stops a case's statutory clock. */
@Injectable()
export class ClockEventRepository {
  async add(manager: EntityManager, caseId: string, type: string, at: Date, reason?: string, extensionMonths?: number): Promise<void> {
    await manager.query(`INSERT INTO clock_event (case_id, type, at, reason, extension_months) VALUES ($1, $2, $3, $4, $5)`, [
      caseId,
      type,
      at,
      reason ?? null,
      extensionMonths ?? null,
    ]);
  }

  /** The clock events of each of `caseIds` in one statement, each case's in the order forCase gives. */
  async forCases(manager: EntityManager, caseIds: string[]): Promise<Map<string, ClockEventRow[]>> {
    const byCase = new Map<string, ClockEventRow[]>();
    if (caseIds.length === 0) return byCase;
    const rows = rowsOf<ClockEventRow & { caseId: string }>(
      await manager.query(`SELECT case_id, type, at, reason, extension_months FROM clock_event WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, at, id`, [caseIds]),
    );
    for (const { caseId, ...row } of rows) {
      const list = byCase.get(caseId);
      if (list) list.push(row);
      else byCase.set(caseId, [row]);
    }
    return byCase;
  }

  async forCase(manager: EntityManager, caseId: string): Promise<ClockEventRow[]> {
    return rowsOf(await manager.query(`SELECT type, at, reason, extension_months FROM clock_event WHERE case_id = $1 ORDER BY at, id`, [caseId]));
  }

  /**
   * Retention: the statutory clock's timings stay (figures for the activity report and lead times);
   * the free-text reasons a caseworker gave for a pause or an extension go. Answers how many were stripped.
   */
  async eraseForRetention(manager: EntityManager, caseId: string): Promise<number> {
    const [, affected] = await manager.query(`UPDATE clock_event SET reason = NULL WHERE case_id = $1 AND reason IS NOT NULL`, [caseId]);
    return affected as number;
  }
}
