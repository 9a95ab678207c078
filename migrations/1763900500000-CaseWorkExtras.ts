import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the deadline sweep told the caseworkers and the applicant that a request for supplement
 * was not answered within its 4 weeks (EHDS art. 68(4)): set once, so nobody is told twice.
 */
export class CaseWorkExtras1763900500000 implements MigrationInterface {
  name = 'CaseWorkExtras1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE supplement_request ADD COLUMN overdue_notified_at timestamptz`);
    // The sweep's question: open requests nobody has yet been told are overdue, by due date.
    await q.query(`CREATE INDEX supplement_request_overdue_unnotified ON supplement_request (answer_due_at) WHERE state = 'open' AND overdue_notified_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX supplement_request_overdue_unnotified`);
    await q.query(`ALTER TABLE supplement_request DROP COLUMN overdue_notified_at`);
  }
}
