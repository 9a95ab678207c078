import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 10: every permit carries standard conditions with legal references (no unnamed third
 * parties, no re-identification, publication, anonymised output only), stored with the decision and
 * the permit as they read on the decision date. Decisions and permits issued before carry none: both
 * are immutable, so nothing is added to them afterwards (adding a column with a default fires no
 * row trigger). The appeal guidance keeps its column and gains structured fields in the JSON.
 */
export class PermitConditions1795500600000 implements MigrationInterface {
  name = 'PermitConditions1795500600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decision ADD COLUMN standard_conditions jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE permit ADD COLUMN standard_conditions jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE permit DROP COLUMN standard_conditions`);
    await q.query(`ALTER TABLE decision DROP COLUMN standard_conditions`);
  }
}
