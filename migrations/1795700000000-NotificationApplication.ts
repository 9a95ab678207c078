import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, retention: a notice about a draft (a team invitation, a draft shared for pre-screening
 * and the region's comment) has no case yet, so retention could not find it when the case's data
 * went. It now names its application, and both are indexed for the erasure. Notices stored before
 * this migration are not linked to their draft (nothing in them names it reliably).
 */
export class NotificationApplication1795700000000 implements MigrationInterface {
  name = 'NotificationApplication1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN application_id uuid REFERENCES application (id)`);
    await q.query(`CREATE INDEX notification_by_application ON notification (application_id) WHERE application_id IS NOT NULL`);
    await q.query(`CREATE INDEX notification_by_case ON notification (case_id) WHERE case_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_by_case`);
    await q.query(`DROP INDEX notification_by_application`);
    await q.query(`ALTER TABLE notification DROP COLUMN application_id`);
  }
}
