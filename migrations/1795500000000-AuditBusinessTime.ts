import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit events record both times: `at` is when the event was written (real time, hash-chained as
 * before) and `business_at` the business time of the command (the clock port), which a test or the
 * flow simulator may move. Events written before this column have none; their hashes are unchanged.
 */
export class AuditBusinessTime1795500000000 implements MigrationInterface {
  name = 'AuditBusinessTime1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN business_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP COLUMN business_at`);
  }
}
