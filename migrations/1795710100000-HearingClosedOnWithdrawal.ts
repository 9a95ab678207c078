import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a hearing still open when the application is withdrawn is closed, saying why, so no one
 * waits for an answer that will not come and the file shows the hearing ended unanswered.
 */
export class HearingClosedOnWithdrawal1795710100000 implements MigrationInterface {
  name = 'HearingClosedOnWithdrawal1795710100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE party_hearing ADD COLUMN closed_at timestamptz, ADD COLUMN closed_reason text CHECK (closed_reason IN ('application_withdrawn')), ADD CHECK ((closed_at IS NULL) = (closed_reason IS NULL))`);
    await q.query(`DROP INDEX party_hearing_open`);
    await q.query(`CREATE INDEX party_hearing_open ON party_hearing (case_id) WHERE kind = 'held' AND answered_at IS NULL AND closed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX party_hearing_open`);
    await q.query(`CREATE INDEX party_hearing_open ON party_hearing (case_id) WHERE kind = 'held' AND answered_at IS NULL`);
    await q.query(`ALTER TABLE party_hearing DROP COLUMN closed_at, DROP COLUMN closed_reason`);
  }
}
