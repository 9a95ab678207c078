import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A screening applies the rules in force on its own date and stores that date, so a replay applies
 * the same law (issue 10; EHDS chapter IV applies from 26 March 2029, art. 105). Earlier screenings
 * applied the law of the day they ran: their Copenhagen calendar date.
 */
export class ScreeningLawDate1795500200000 implements MigrationInterface {
  name = 'ScreeningLawDate1795500200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screening ADD COLUMN law_date date`);
    await q.query(`UPDATE screening SET law_date = (created_at AT TIME ZONE 'Europe/Copenhagen')::date`);
    await q.query(`ALTER TABLE screening ALTER COLUMN law_date SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE screening DROP COLUMN law_date`);
  }
}
