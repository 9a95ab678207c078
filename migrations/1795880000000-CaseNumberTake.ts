import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: a submit held the year's case-number row from taking the number to its COMMIT, over
 * three round trips of the API process (the number, the audit append, COMMIT), and every other
 * submit waited for that row. `case_number_take` numbers a case as a function, so the number and
 * the audit event that names it are one statement (the event's subject is the number), sent in one
 * message with the COMMIT: the row is held while PostgreSQL runs that message, and no longer.
 * Gap-free as before: the counter's increment commits or rolls back with the case.
 */
export class CaseNumberTake1795880000000 implements MigrationInterface {
  name = 'CaseNumberTake1795880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION case_number_take(p_case_id uuid, p_year integer) RETURNS text
      LANGUAGE sql VOLATILE AS $$
        WITH n AS (
          INSERT INTO case_number_counter (year, last) VALUES (p_year, 1)
          ON CONFLICT (year) DO UPDATE SET last = case_number_counter.last + 1 RETURNING last)
        UPDATE case_file SET number = 'EK-' || p_year::text || '-' || lpad(n.last::text, 6, '0') FROM n WHERE id = p_case_id RETURNING number
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION case_number_take(uuid, integer)`);
  }
}
