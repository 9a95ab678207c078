import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The one repository of `clock_unswept`: the cases whose clock figures a command recomputed since
 * the deadline sweep last looked at them, so that the sweep (which otherwise reads a case once a
 * day) alerts on what the command changed (issue 17).
 */
@Injectable()
export class ClockUnsweptRepository {
  /** A command recomputed the case's figures at case version `version`. */
  async mark(manager: EntityManager, caseId: string, version: number): Promise<void> {
    await manager.query(
      `INSERT INTO clock_unswept (case_id, version) VALUES ($1, $2)
       ON CONFLICT (case_id) DO UPDATE SET version = GREATEST(clock_unswept.version, EXCLUDED.version)`,
      [caseId, version],
    );
  }

  /**
   * The sweep has read these cases at these versions. A mark goes only where the sweep read its
   * version or a later one: a command that commits after the sweep's read leaves a higher version
   * (its row lock makes this statement wait and then re-check), and keeps its mark.
   */
  async clear(manager: EntityManager, seen: { caseId: string; version: number }[]): Promise<void> {
    if (seen.length === 0) return;
    await manager.query(
      `DELETE FROM clock_unswept u USING unnest($1::uuid[], $2::int[]) AS s (case_id, version)
        WHERE u.case_id = s.case_id AND u.version <= s.version`,
      [seen.map((s) => s.caseId), seen.map((s) => s.version)],
    );
  }
}
