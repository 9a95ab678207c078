import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, absence: a caseworker or legal approver is marked absent (by an admin or themselves),
 * from a moment and optionally until a day, so their open cases can be handed on in bulk and no new
 * case is assigned to them meanwhile. Present when `absent_since` is null.
 */
export class StaffAbsence1795620300000 implements MigrationInterface {
  name = 'StaffAbsence1795620300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE staff_member ADD COLUMN absent_since timestamptz, ADD COLUMN absent_until date, ADD COLUMN absence_marked_by text`);
    await q.query(`ALTER TABLE staff_member ADD CONSTRAINT staff_member_absence CHECK (absent_since IS NOT NULL OR (absent_until IS NULL AND absence_marked_by IS NULL))`);
    // The bulk reassignment finds a person's open cases by assignee.
    await q.query(`CREATE INDEX IF NOT EXISTS case_file_by_assignee ON case_file (assignee_sub, state)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS case_file_by_assignee`);
    await q.query(`ALTER TABLE staff_member DROP CONSTRAINT staff_member_absence`);
    await q.query(`ALTER TABLE staff_member DROP COLUMN absent_since, DROP COLUMN absent_until, DROP COLUMN absence_marked_by`);
  }
}
