import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: every submit holds the audit chain's lock from the moment it takes it to its commit, so
 * what runs under the lock is what all submits wait for. Appending took three round trips there
 * (the advisory lock, the chain head, the insert); `audit_append` does the three in one statement.
 *
 * The caller sends the event's canonical RFC 8785 text in three pieces around the two values only
 * the head decides, `at` and `seq`; the function takes the lock, reads the head with a fresh
 * snapshot (a VOLATILE PL/pgSQL function takes one per statement at READ COMMITTED, so it sees the
 * head the previous holder committed), joins the pieces, hashes `prev_hash ‖ canonical` with
 * PostgreSQL's sha256 and inserts the event with the bytes it hashed. The caller recomputes the hash
 * from what comes back and refuses to commit if the two differ.
 */
export class AuditAppendInOneStatement1795800000000 implements MigrationInterface {
  name = 'AuditAppendInOneStatement1795800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_append(
        lock_key bigint, before_at text, before_seq text, after_seq text,
        p_business_at timestamptz, p_actor_sub text, p_actor_role text, p_actor_organisation text,
        p_action text, p_subject_type text, p_subject_id text, p_payload jsonb
      ) RETURNS TABLE (seq bigint, at text, prev_hash text, hash text)
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        new_at text;
        new_seq bigint;
        prev text;
        body bytea;
        new_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        SELECT e.seq, e.hash INTO head_seq, head_hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1;
        new_at := to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        new_seq := coalesce(head_seq, 0) + 1;
        prev := coalesce(head_hash, repeat('0', 64));
        body := convert_to(before_at || new_at || before_seq || new_seq::text || after_seq, 'UTF8');
        new_hash := encode(sha256(convert_to(prev, 'UTF8') || body), 'hex');
        INSERT INTO audit_event (seq, at, actor_sub, actor_role, actor_organisation, action, subject_type, subject_id,
                                 payload, prev_hash, hash, business_at, canonical)
        VALUES (new_seq, new_at::timestamptz, p_actor_sub, p_actor_role, p_actor_organisation, p_action, p_subject_type,
                p_subject_id, p_payload, prev, new_hash, p_business_at, body);
        RETURN QUERY SELECT new_seq, new_at, prev, new_hash;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_append(bigint, text, text, text, timestamptz, text, text, text, text, text, text, jsonb)`);
  }
}
