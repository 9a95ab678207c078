import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every rule-set plugin version ever loaded, keyed by its content hash, so any past screening can be
 * replayed from exactly the rules it used (DESIGN.md §4). Rows are never changed.
 */
export class RuleSetVersions1795436942365 implements MigrationInterface {
  name = 'RuleSetVersions1795436942365';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rule_set_version (
        id text NOT NULL,
        version text NOT NULL,
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content jsonb NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, sha256)
      )`);
    await q.query(`CREATE INDEX rule_set_version_by_loaded_at ON rule_set_version (id, loaded_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rule_set_version`);
  }
}
