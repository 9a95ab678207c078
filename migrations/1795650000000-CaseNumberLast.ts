import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: submit took the year's case-number counter (a row lock) as its first statement and held
 * it through every other write of the transaction, so submits ran one at a time. The number is now
 * taken last, just before the audit event and the commit: the case row is written without it and
 * numbered in the same transaction, so a rolled-back submit still leaves no gap in the series.
 * No case may be committed without its number: a constraint trigger, deferred to the commit, checks
 * the row as it stands then.
 */
export class CaseNumberLast1795650000000 implements MigrationInterface {
  name = 'CaseNumberLast1795650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file ALTER COLUMN number DROP NOT NULL`);
    await q.query(`
      CREATE FUNCTION case_file_numbered_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A deferred trigger sees the row as it was inserted: read it as it stands at the commit.
        IF EXISTS (SELECT 1 FROM case_file WHERE id = NEW.id AND number IS NULL) THEN
          RAISE EXCEPTION 'case % has no case number at commit', NEW.id USING ERRCODE = 'not_null_violation';
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER case_file_numbered AFTER INSERT OR UPDATE OF number ON case_file
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION case_file_numbered_at_commit()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER case_file_numbered ON case_file`);
    await q.query(`DROP FUNCTION case_file_numbered_at_commit()`);
    await q.query(`ALTER TABLE case_file ALTER COLUMN number SET NOT NULL`);
  }
}
