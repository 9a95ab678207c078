import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments and extensions of a running permit (issue 15): each is a case of its own kind on the
 * case kernel, opened from an application that names the permit version it changes (`amends`); the
 * decision gives the permit a new version under the same number, and the versions form a chain
 * (`previous_version_id`) that the audit trail and the public register show.
 */
export class PermitVersions1795610000000 implements MigrationInterface {
  name = 'PermitVersions1795610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_file DROP CONSTRAINT IF EXISTS case_file_kind_check`);
    await q.query(`ALTER TABLE case_file ADD CONSTRAINT case_file_kind_check CHECK (kind IN ('application', 'amendment', 'extension'))`);
    await q.query(`ALTER TABLE case_file ADD COLUMN amends jsonb`);
    await q.query(`ALTER TABLE application ADD COLUMN kind text NOT NULL DEFAULT 'application' CHECK (kind IN ('application', 'amendment', 'extension'))`);
    await q.query(`ALTER TABLE application ADD COLUMN amends jsonb`);
    await q.query(`ALTER TABLE permit ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE permit ADD COLUMN previous_version_id uuid REFERENCES permit (id)`);
    await q.query(`ALTER TABLE permit DROP CONSTRAINT permit_number_key`);
    await q.query(`ALTER TABLE permit ADD CONSTRAINT permit_number_version_key UNIQUE (number, version)`);
    // One active version of a permit at a time.
    await q.query(`CREATE UNIQUE INDEX permit_one_active_version ON permit (number) WHERE state = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX permit_one_active_version`);
    await q.query(`ALTER TABLE permit DROP CONSTRAINT permit_number_version_key`);
    await q.query(`ALTER TABLE permit ADD CONSTRAINT permit_number_key UNIQUE (number)`);
    await q.query(`ALTER TABLE permit DROP COLUMN previous_version_id`);
    await q.query(`ALTER TABLE permit DROP COLUMN version`);
    await q.query(`ALTER TABLE application DROP COLUMN amends`);
    await q.query(`ALTER TABLE application DROP COLUMN kind`);
    await q.query(`ALTER TABLE case_file DROP COLUMN amends`);
    await q.query(`ALTER TABLE case_file DROP CONSTRAINT case_file_kind_check`);
    await q.query(`ALTER TABLE case_file ADD CONSTRAINT case_file_kind_check CHECK (kind IN ('application'))`);
  }
}
