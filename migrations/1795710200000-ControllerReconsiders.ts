import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: an appeal against, or a reopened request on, a decision the data controller made on a
 * collaborative part goes to that controller, whose decision it is, to reconsider: it changes its
 * decision (a new one superseding the old) or maintains it, after which the contact point forwards
 * the appeal. `controller_org` names the controller asked (null on central parts); the controller's
 * answer when it maintains is kept with the appeal.
 */
export class ControllerReconsiders1795710200000 implements MigrationInterface {
  name = 'ControllerReconsiders1795710200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE reconsideration
        ADD COLUMN controller_org text,
        ADD COLUMN controller_statement text,
        ADD COLUMN controller_answered_by text,
        ADD COLUMN controller_answered_at timestamptz,
        ADD CHECK ((controller_answered_at IS NULL) = (controller_answered_by IS NULL) AND (controller_answered_at IS NULL) = (controller_statement IS NULL)),
        ADD CHECK (controller_answered_at IS NULL OR controller_org IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reconsideration DROP COLUMN controller_org, DROP COLUMN controller_statement, DROP COLUMN controller_answered_by, DROP COLUMN controller_answered_at`);
  }
}
