import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fees of a permit version (issue 15): one line per data holder, from each source's fee model
 * under the price rules of the decision date (EHDS art. 62 from 26 March 2029: one invoice,
 * reductions for public and academic applicants). Permits issued before carry none.
 */
export class PermitFees1795610200000 implements MigrationInterface {
  name = 'PermitFees1795610200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE permit ADD COLUMN fees jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE permit DROP COLUMN fees`);
  }
}
