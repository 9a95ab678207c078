import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics-only requests (issue 15; EHDS art. 69 from 26 March 2029, before that a request under
 * Danish law to the holder's statistics service): a second kind of application and of case, with
 * its own form and rules (anonymised statistical results only, no analysis environment).
 */
export class StatisticsRequests1795610100000 implements MigrationInterface {
  name = 'StatisticsRequests1795610100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file DROP CONSTRAINT case_file_kind_check`);
    await q.query(`ALTER TABLE case_file ADD CONSTRAINT case_file_kind_check CHECK (kind IN ('application', 'amendment', 'extension', 'statistics'))`);
    await q.query(`ALTER TABLE application DROP CONSTRAINT application_kind_check`);
    await q.query(`ALTER TABLE application ADD CONSTRAINT application_kind_check CHECK (kind IN ('application', 'amendment', 'extension', 'statistics'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP CONSTRAINT application_kind_check`);
    await q.query(`ALTER TABLE application ADD CONSTRAINT application_kind_check CHECK (kind IN ('application', 'amendment', 'extension'))`);
    await q.query(`ALTER TABLE case_file DROP CONSTRAINT case_file_kind_check`);
    await q.query(`ALTER TABLE case_file ADD CONSTRAINT case_file_kind_check CHECK (kind IN ('application', 'amendment', 'extension'))`);
  }
}
