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

  async forCase(manager: EntityManager, caseId: string): Promise<ClockEventRow[]> {
    return rowsOf(await manager.query(`SELECT type, at, reason, extension_months FROM clock_event WHERE case_id = $1 ORDER BY at, id`, [caseId]));
  }
}
