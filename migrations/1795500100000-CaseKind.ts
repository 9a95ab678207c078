import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each case has a kind, and the kernel's state-effects table is keyed by it, so a new kind of case
 * (an amendment, an extension, a statistics-only request) is a set of rows, not a new code path.
 * Every case so far handles an application.
 */
export class CaseKind1795500100000 implements MigrationInterface {
  name = 'CaseKind1795500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ADD COLUMN kind text NOT NULL DEFAULT 'application' CHECK (kind IN ('application'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file DROP COLUMN kind`);
  }
}
