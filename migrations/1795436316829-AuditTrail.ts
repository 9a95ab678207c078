import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail (DESIGN.md §7): an insert-only, hash-chained event table and signed checkpoints.
 *
 * Insert-only twice over: a trigger refuses UPDATE, DELETE and TRUNCATE for everyone, and the
 * privileges to do them are revoked from PUBLIC, from the application role named by
 * `AUDIT_APP_ROLE` (or the setting `kp.audit_app_role`) when that role exists, and from the
 * migrating role itself when it is not a superuser. The migrate step now grants the app role
 * exactly SELECT and INSERT on both tables after every run (docs/security.md), so AUDIT_APP_ROLE is
 * no longer needed; it is kept here because applied migrations are not rewritten.
 */
export class AuditTrail1795436316829 implements MigrationInterface {
  name = 'AuditTrail1795436316829';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_event (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        at timestamptz NOT NULL,
        actor_sub text NOT NULL,
        actor_role text NOT NULL,
        actor_organisation text NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        payload jsonb NOT NULL,
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        -- One successor per event: a second event on the same predecessor would fork the chain.
        CONSTRAINT audit_event_prev_hash_unique UNIQUE (prev_hash)
      )`);
    await queryRunner.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, seq)`);
    // Who looked at or changed what, e.g. a citizen-log style view of one person's accesses.
    await queryRunner.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_sub, seq)`);

    await queryRunner.query(`
      CREATE TABLE audit_checkpoint (
        seq bigint NOT NULL CHECK (seq > 0),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        at timestamptz NOT NULL,
        key_id text NOT NULL,
        public_key text NOT NULL,
        signature text NOT NULL,
        PRIMARY KEY (seq, key_id)
      )`);

    await queryRunner.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit table % is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['audit_event', 'audit_checkpoint']) {
      await queryRunner.query(`
        CREATE TRIGGER ${table}_refuse_update_delete BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await queryRunner.query(`
        CREATE TRIGGER ${table}_refuse_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
    }

    const appRole = process.env.AUDIT_APP_ROLE?.trim();
    if (appRole) await queryRunner.query(`SELECT set_config('kp.audit_app_role', $1, true)`, [appRole]);
    await queryRunner.query(`
      DO $$
      DECLARE
        app_role text := nullif(current_setting('kp.audit_app_role', true), '');
      BEGIN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint FROM PUBLIC;
        IF app_role IS NOT NULL AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app_role) THEN
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint FROM %I', app_role);
        END IF;
        -- A superuser bypasses privileges anyway; an owning non-superuser gives its own up.
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_checkpoint FROM %I', current_user);
        END IF;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_checkpoint`);
    await queryRunner.query(`DROP TABLE audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
