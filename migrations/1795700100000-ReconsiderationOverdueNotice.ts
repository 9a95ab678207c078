import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, appeals: when the time the authority gave itself to reconsider an appeal (or to answer a
 * request to reopen) has passed, its staff are told once. `overdue_noticed_at` records that they
 * were, so the sweep never tells them twice; the partial index finds those still owed a notice.
 */
export class ReconsiderationOverdueNotice1795700100000 implements MigrationInterface {
  name = 'ReconsiderationOverdueNotice1795700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reconsideration ADD COLUMN overdue_noticed_at timestamptz`);
    await q.query(`CREATE INDEX reconsideration_overdue_unnoticed ON reconsideration (reconsider_by) WHERE state IN ('reconsidering', 'requested') AND overdue_noticed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reconsideration_overdue_unnoticed`);
    await q.query(`ALTER TABLE reconsideration DROP COLUMN overdue_noticed_at`);
  }
}
