import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16, search: staff find cases by number, applicant, CVR, data source, state and date range.
 * PostgreSQL full text over title and purpose, and over the applicant's names, each with a GIN
 * index on the expression the search repeats (libs/cases/src/search-cases/case-search-sql.ts); a
 * B-tree per exact criterion. Expression indexes, not generated columns, so `SELECT *` on a case
 * stays what it was.
 */
export class CaseSearch1795620200000 implements MigrationInterface {
  name = 'CaseSearch1795620200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX case_file_text_search ON case_file USING GIN ((setweight(to_tsvector('simple'::regconfig, coalesce(content->>'title', '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(content->>'purpose', '')), 'B')))`,
    );
    await q.query(`CREATE INDEX case_file_applicant_search ON case_file USING GIN ((to_tsvector('simple'::regconfig, coalesce(applicant_org_name, '') || ' ' || coalesce(content#>>'{applicant,name}', ''))))`);
    await q.query(`CREATE INDEX case_file_by_cvr ON case_file (applicant_org, submitted_at DESC)`);
    await q.query(`CREATE INDEX case_file_by_received ON case_file (submitted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX sub_case_by_source ON sub_case (data_source_id, case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['sub_case_by_source', 'case_file_by_received', 'case_file_by_cvr', 'case_file_applicant_search', 'case_file_text_search']) await q.query(`DROP INDEX ${index}`);
  }
}
